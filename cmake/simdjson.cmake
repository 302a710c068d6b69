# simdjson::simdjson for the library: the parent project's own target when it has one (a
# parent that builds simdjson itself, or the amalgamation in tests/amalgamated_simdjson),
# else an installed simdjson package. The adapter's static_assert checks either at compile
# time.
if(NOT TARGET simdjson::simdjson)
  find_package(simdjson CONFIG REQUIRED)
endif()
if(DEFINED simdjson_VERSION)
  include(${CMAKE_CURRENT_LIST_DIR}/simdjson_range.cmake)
  if(NOT heymilo_simdjson_supported)
    message(FATAL_ERROR "${heymilo_simdjson_message}")
  endif()
  message(STATUS "heymilo: simdjson ${simdjson_VERSION}")
else()
  message(STATUS "heymilo: simdjson from the parent project's simdjson::simdjson target")
endif()
