# The simdjson releases heymilo builds with: 3.0.1 to 4.x (src/simdjson_adapter.hpp checks
# the same at compile time). Read by the build and by the installed package's config, after
# a find_package(simdjson) without a version: Debian's 3.0.1 writes a version file that
# rejects any range spanning minor versions, so the version found is checked here instead.
# Sets heymilo_simdjson_supported and heymilo_simdjson_message.
if(simdjson_VERSION VERSION_GREATER_EQUAL 3.0.1 AND simdjson_VERSION VERSION_LESS 5)
  set(heymilo_simdjson_supported TRUE)
else()
  set(heymilo_simdjson_supported FALSE)
endif()
set(heymilo_simdjson_message
  "heymilo needs simdjson 3.0.1 to 4.x; found ${simdjson_VERSION} (simdjson_DIR=${simdjson_DIR})")
