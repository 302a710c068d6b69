# ctest's check that the committed index.d.ts is what the generator writes now:
#   cmake -DGENERATOR=<heymilo_node_types> -DCOMMITTED=<index.d.ts> -DOUTPUT=<file> -P check_fresh.cmake
execute_process(COMMAND ${GENERATOR} ${OUTPUT} COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${COMMITTED} ${OUTPUT} RESULT_VARIABLE differs)
if(differs)
  message(FATAL_ERROR "${COMMITTED} is stale: cmake --build <build> --target heymilo_node_types_regenerate")
endif()
