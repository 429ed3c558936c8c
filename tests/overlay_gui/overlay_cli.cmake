# Runs souffleur-overlay's command-line checks (see CMakeLists.txt):
#   cmake -DOVERLAY=path -DCHECK=smoke|shipped_has_no_test_hooks|bad_links -DWORK_DIR=dir
#         [-DPANEL=path -DTEST_PANEL=path] -P overlay_cli.cmake
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
                   --version souffleur://guide/)
        string(FIND "${out}" "${option}" at)
        if(at EQUAL -1)
            message(FATAL_ERROR "--help does not mention ${option}:\n${out}")
        endif()
    endforeach()

elseif(CHECK STREQUAL "shipped_has_no_test_hooks")
    # The panel that ships (souffleur-overlay execs it) has no test script and
    # no benchmark probe: not in --help, not as an option, not in its code.
    run(--help)
    string(FIND "${out}" "test-script" listed)
    if(NOT code EQUAL 0 OR NOT listed EQUAL -1)
        message(FATAL_ERROR "the shipped panel's --help (exit ${code}) offers a test hook:\n${out}")
    endif()
    set(script "${WORK_DIR}/refused.script")
    file(WRITE "${script}" "quit\n")
    run(--server http://127.0.0.1:1 --token t --test-script "${script}")
    string(FIND "${err}" "Unknown option 'test-script'" unknown)
    if(NOT code EQUAL 2 OR unknown EQUAL -1 OR out MATCHES "script:")
        message(FATAL_ERROR "expected an unknown option (exit 2), got exit ${code}: ${out}${err}")
    endif()
    execute_process(COMMAND nm -C ${PANEL} RESULT_VARIABLE code OUTPUT_VARIABLE symbols
                    ERROR_VARIABLE err)
    if(NOT code EQUAL 0)
        message(FATAL_ERROR "nm ${PANEL} failed (${code}): ${err}")
    endif()
    foreach(hook "souffleur::overlay::TestScript" "souffleur::overlay::BenchProbe")
        string(FIND "${symbols}" "${hook}" found)
        if(NOT found EQUAL -1)
            message(FATAL_ERROR "${PANEL} holds ${hook}")
        endif()
    endforeach()
    file(STRINGS ${PANEL} texts REGEX "test-script|show-hostile")
    if(texts)
        message(FATAL_ERROR "${PANEL} holds the test script's words: ${texts}")
    endif()
    # The test panel, built from the same library, does have them (so the
    # checks above would see them).
    execute_process(COMMAND nm -C ${TEST_PANEL} OUTPUT_VARIABLE symbols)
    string(FIND "${symbols}" "souffleur::overlay::TestScript" found)
    if(found EQUAL -1)
        message(FATAL_ERROR "the check cannot see symbols: ${TEST_PANEL} lacks TestScript too")
    endif()
    message(STATUS "${PANEL}: no test hooks")

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
