# Installs the library, its headers, the CMake package (heymiloConfig.cmake, its version
# file, the targets) and heymilo.pc into CMAKE_INSTALL_PREFIX or `cmake --install --prefix`.
include(CMakePackageConfigHelpers)

set(heymilo_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/heymilo)
install(TARGETS heymilo EXPORT heymiloTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY include/heymilo DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp" PATTERN "*.inc")
install(FILES ${PROJECT_BINARY_DIR}/include/heymilo/version.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/heymilo)
install(EXPORT heymiloTargets NAMESPACE heymilo:: DESTINATION ${heymilo_cmake_dir})

# A static library brings its private dependency along: the config finds simdjson for it.
get_target_property(heymilo_type heymilo TYPE)
if(heymilo_type STREQUAL "STATIC_LIBRARY")
  set(HEYMILO_FIND_SIMDJSON TRUE)
else()
  set(HEYMILO_FIND_SIMDJSON FALSE)
endif()
configure_package_config_file(cmake/heymiloConfig.cmake.in
  ${PROJECT_BINARY_DIR}/heymiloConfig.cmake
  INSTALL_DESTINATION ${heymilo_cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/heymiloConfigVersion.cmake
  COMPATIBILITY ${heymilo_version_compatibility})
install(FILES
  ${PROJECT_BINARY_DIR}/heymiloConfig.cmake
  ${PROJECT_BINARY_DIR}/heymiloConfigVersion.cmake
  cmake/simdjson_range.cmake
  DESTINATION ${heymilo_cmake_dir})

# heymilo.pc finds its prefix from where it lies (${pcfiledir}), so that an install with
# `cmake --install --prefix` anywhere works. A static library needs simdjson at link time
# (Requires); a shared one only at run time (Requires.private).
if(HEYMILO_FIND_SIMDJSON)
  set(heymilo_pc_requires "Requires: simdjson")
else()
  set(heymilo_pc_requires "Requires.private: simdjson")
endif()
set(heymilo_pc_dir ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
file(RELATIVE_PATH heymilo_pc_prefix
  ${CMAKE_INSTALL_PREFIX}/${heymilo_pc_dir} ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" heymilo_pc_prefix "${heymilo_pc_prefix}")
configure_file(cmake/heymilo.pc.in ${PROJECT_BINARY_DIR}/heymilo.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/heymilo.pc DESTINATION ${heymilo_pc_dir})
