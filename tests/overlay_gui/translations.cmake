# Every text of the overlay has its English translation: lupdate runs over the
# sources into a copy of overlay/gui/i18n/souffleur_en.ts, and the copy may
# hold no unfinished, vanished or obsolete entry (a text added, changed or
# removed in ui_text.cpp without `--target update_translations` and a
# translation fails here).
# The studio's catalogue the same way (-DTS=souffleur_studio_en.ts).
#   cmake -DLUPDATE=path -DSOURCE_DIR=overlay/gui -DWORK_DIR=dir [-DTS=name.ts] -P translations.cmake
if(NOT TS)
    set(TS souffleur_en.ts)
endif()
file(COPY_FILE "${SOURCE_DIR}/i18n/${TS}" "${WORK_DIR}/${TS}")
execute_process(
    COMMAND "${LUPDATE}" -no-obsolete -locations none "${SOURCE_DIR}" -ts "${WORK_DIR}/${TS}"
    RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${code}): ${out}${err}")
endif()
file(READ "${WORK_DIR}/${TS}" ts)
string(REGEX MATCHALL "type=\"(unfinished|vanished|obsolete)\"" open "${ts}")
list(LENGTH open count)
if(NOT count EQUAL 0 OR out MATCHES "[1-9][0-9]* new")
    message(FATAL_ERROR "${SOURCE_DIR}/i18n/${TS} is behind the sources (${count} entries "
                        "without a translation):\n${out}\nRun: cmake --build build --target "
                        "update_translations, then translate them in Qt Linguist.")
endif()
message(STATUS "${out}")
