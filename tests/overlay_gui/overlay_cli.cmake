# Runs souffleur-overlay's command-line checks (see CMakeLists.txt):
#   cmake -DOVERLAY=path -DCHECK=smoke|refuses_test_hook|bad_links -DWORK_DIR=dir -P overlay_cli.cmake
# No display is set, so a check passes only if the overlay answers before it
# starts Qt's GUI.

# run(args...): sets code, out and err.
macro(run)
    execute_process(COMMAND ${OVERLAY} ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out
                    ERROR_VARIABLE err TIMEOUT 30)
endmacro()

if(CHECK STREQUAL "smoke")
    run(--version)
    if(NOT code EQUAL 0 OR NOT out MATCHES "^souffleur-overlay [0-9]+\\.[0-9]+\\.[0-9]+\n$")
        message(FATAL_ERROR "--version exited ${code} with: ${out}${err}")
    endif()

    run(--help)
    if(NOT code EQUAL 0)
        message(FATAL_ERROR "--help exited ${code}: ${err}")
    endif()
    foreach(option --server --token --data --open --toggle --ca-file --lang --screenshot
                   --test-script --version souffleur://guide/)
        string(FIND "${out}" "${option}" at)
        if(at EQUAL -1)
            message(FATAL_ERROR "--help does not mention ${option}:\n${out}")
        endif()
    endforeach()

elseif(CHECK STREQUAL "refuses_test_hook")
    set(script "${WORK_DIR}/refused.script")
    file(WRITE "${script}" "quit\n")
    run(--server http://127.0.0.1:1 --token t --test-script "${script}")
    string(FIND "${err}" "--test-script needs SOUFFLEUR_TEST_HOOKS=1" explained)
    if(NOT code EQUAL 2 OR explained EQUAL -1 OR out MATCHES "script:")
        message(FATAL_ERROR "expected a refusal (exit 2), got exit ${code}: ${out}${err}")
    endif()

elseif(CHECK STREQUAL "bad_links")
    # Links and ids are checked before anything else happens.
    foreach(args "https://example.org/x" "souffleur://guide/../../etc" "souffleur://guide/a b"
                 "--open;a/b" "--toggle;--open;x")
        run(${args})
        if(NOT code EQUAL 2)
            message(FATAL_ERROR "souffleur-overlay ${args}: expected exit 2, got ${code}: ${out}${err}")
        endif()
    endforeach()

else()
    message(FATAL_ERROR "unknown CHECK ${CHECK}")
endif()
