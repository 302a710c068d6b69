# What heymilo must not do to a parent project (included after adding it; the parent saved
# parent_build_type and parent_flags before): change its build type or flags, impose
# compile options on its users, or add targets beyond the library.
if(NOT "${CMAKE_BUILD_TYPE}" STREQUAL "${parent_build_type}")
  message(FATAL_ERROR "heymilo changed the parent's build type to '${CMAKE_BUILD_TYPE}'")
endif()
if(NOT "${CMAKE_CXX_FLAGS}" STREQUAL "${parent_flags}")
  message(FATAL_ERROR "heymilo changed CMAKE_CXX_FLAGS to '${CMAKE_CXX_FLAGS}'")
endif()
foreach(property IN ITEMS INTERFACE_COMPILE_OPTIONS INTERFACE_COMPILE_DEFINITIONS)
  get_target_property(value heymilo ${property})
  if(value)
    message(FATAL_ERROR "heymilo passes ${property} to its users: ${value}")
  endif()
endforeach()
foreach(target IN ITEMS heymilo_tests heymilo_cli heymilo_generator heymilo_bench
                        heymilo_schemagen heymilo_fuzz_parse)
  if(TARGET ${target})
    message(FATAL_ERROR "heymilo as a sub-project defined ${target}")
  endif()
endforeach()
