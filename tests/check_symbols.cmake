# Fails if a binary holds symbols it must not: the `souffleur` tool talks to
# the server through souffleur::net and holds nothing of the desk's core
# (souffleur::client: replica, search, outbox, sync client) nor its database.
#   cmake -DBINARY=path -DFORBIDDEN=regex -DEXPECTED=regex -P check_symbols.cmake
# EXPECTED must match (a symbol every such binary has), so that a stripped
# binary does not pass by showing nothing.
execute_process(COMMAND nm -C ${BINARY} RESULT_VARIABLE code OUTPUT_VARIABLE symbols
                ERROR_VARIABLE errors)
if(NOT code EQUAL 0)
    message(FATAL_ERROR "nm -C ${BINARY} failed (${code}): ${errors}")
endif()
if(NOT symbols MATCHES "${EXPECTED}")
    message(FATAL_ERROR "${BINARY} shows no symbol matching ${EXPECTED}: stripped?")
endif()
# One plain search: a regular expression for the whole line would backtrack
# through megabytes of demangled names.
string(REGEX MATCH "${FORBIDDEN}" found "${symbols}")
if(found)
    string(FIND "${symbols}" "${found}" at)
    set(from 0)
    if(at GREATER 200)
        math(EXPR from "${at} - 200")
    endif()
    string(SUBSTRING "${symbols}" ${from} 400 context)
    message(FATAL_ERROR "${BINARY} holds symbols matching ${FORBIDDEN}, e.g. in\n${context}")
endif()
message(STATUS "${BINARY} holds no symbol matching ${FORBIDDEN}")
