# Fails if a binary links any Qt library (the design card: the server links no Qt).
#   cmake -DBINARY=path -P check_no_qt.cmake
execute_process(COMMAND ldd ${BINARY} RESULT_VARIABLE code OUTPUT_VARIABLE libraries)
if(NOT code EQUAL 0)
    message(FATAL_ERROR "ldd ${BINARY} failed (${code})")
endif()
if(libraries MATCHES "libQt")
    message(FATAL_ERROR "${BINARY} links Qt:\n${libraries}")
endif()
message(STATUS "${BINARY} links no Qt")
