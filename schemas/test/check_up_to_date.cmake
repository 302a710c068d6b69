# Regenerates the schemas into GENERATED and fails when the committed ones in COMMITTED
# differ: a field added to the tables (or a generator change) without regenerating.
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE "${GENERATED}")
execute_process(COMMAND "${GENERATOR}" "${GENERATED}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "heymilo_schemagen failed (${status})")
endif()

file(GLOB_RECURSE generated RELATIVE "${GENERATED}" "${GENERATED}/*.schema.json")
file(GLOB_RECURSE committed RELATIVE "${COMMITTED}" "${COMMITTED}/*.schema.json")
list(FILTER committed EXCLUDE REGEX "node_modules/")
list(SORT generated)
list(SORT committed)

set(stale "")
foreach(file IN LISTS generated)
  if(NOT EXISTS "${COMMITTED}/${file}")
    list(APPEND stale "missing from schemas/: ${file}")
    continue()
  endif()
  file(READ "${GENERATED}/${file}" fresh)
  file(READ "${COMMITTED}/${file}" old)
  if(NOT fresh STREQUAL old)
    list(APPEND stale "differs: diff -u ${COMMITTED}/${file} ${GENERATED}/${file}")
  endif()
endforeach()
foreach(file IN LISTS committed)
  if(NOT file IN_LIST generated)
    list(APPEND stale "not generated any more (delete it): ${file}")
  endif()
endforeach()

if(stale)
  list(JOIN stale "\n  " lines)
  message(FATAL_ERROR
    "The committed JSON Schemas differ from what the field tables generate:\n  ${lines}\n"
    "Regenerate them with\n"
    "  cmake --build ${BUILD_DIR} --target heymilo_schemas_regenerate\n"
    "and commit schemas/*.schema.json and schemas/lenient/*.schema.json.")
endif()
list(LENGTH generated count)
message(STATUS "All ${count} committed schemas match the field tables.")
