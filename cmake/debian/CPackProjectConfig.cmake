# Read by cpack before it makes the packages (CPACK_PROJECT_CONFIG_FILE).

# The packages' version is the project's, with the revision of the Debian
# changelog's first entry, so that entry must be about this version.
if(NOT CPACK_SOUFFLEUR_CHANGELOG_VERSION STREQUAL CPACK_PACKAGE_VERSION)
    message(FATAL_ERROR
        "cmake/debian/changelog's first entry is for ${CPACK_SOUFFLEUR_CHANGELOG_VERSION}, "
        "the project is ${CPACK_PACKAGE_VERSION}: add an entry (dch -v "
        "${CPACK_PACKAGE_VERSION}-1 -c cmake/debian/changelog, from devscripts, or by hand)")
endif()

# Each package's description begins with its own synopsis
# (CPACK_COMPONENT_<C>_DESCRIPTION); CPack would put the project's summary
# before it.
unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)
