# heymilo_warnings: the warning flags of the project's own targets (the library, tools,
# tests, fuzzers and benchmarks link it privately). Never passed on to users of the library.
add_library(heymilo_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(heymilo_warnings INTERFACE -Wall -Wextra -Wpedantic)
endif()
# g++ 12 warns of overlapping copies inside `"literal" + std::string(...)` once inlined, a
# false positive (GCC bug 105329, fixed in 13) that the tests' string building trips.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(heymilo_warnings INTERFACE -Wno-restrict)
endif()
