# Installation (GNUInstallDirs) and the Debian packages (CPack, DEB), one
# package per component:
#   server  souffleur-server   the sync server, its hardened systemd unit, its
#                             settings in /etc/souffleur/server.conf
#   desk    souffleur-desk    the desk panel, its menu entry and souffleur://
#                             handler, the autostart at login, the icon
#   studio  souffleur-studio  Souffleur Studio and the `souffleur` command
# scripts/package builds them (the release preset, prefix /usr, Debian's
# hardening flags) and tests/package/run.sh installs and checks them. The
# packaging files: server/dist, overlay/dist, authoring/dist (what any
# installation needs), docs/man (a manual page for every program in bin) and
# cmake/debian (maintainer scripts, conffiles, copyright, changelog). The
# Debian version is the changelog's.
include(GNUInstallDirs)

set(SOUFFLEUR_PACKAGE_MAINTAINER "Souffleur maintainers <maintainers@souffleur.example>"
    CACHE STRING "The Maintainer of the Debian packages")
# Debian 12 keeps units in /lib (merged /usr notwithstanding); systemd also
# reads /usr/local/lib/systemd/system, for installations under /usr/local.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    set(_unit_dir /lib/systemd/system)
else()
    set(_unit_dir ${CMAKE_INSTALL_PREFIX}/lib/systemd/system)
endif()

set(_dist_debian ${PROJECT_SOURCE_DIR}/cmake/debian)
set(_dist_out ${CMAKE_BINARY_DIR}/dist)
# For the *.in files: the paths they name.
set(SOUFFLEUR_BINDIR ${CMAKE_INSTALL_FULL_BINDIR})
set(SOUFFLEUR_SYSCONFDIR ${CMAKE_INSTALL_FULL_SYSCONFDIR})
set(SOUFFLEUR_LIBEXECDIR ${CMAKE_INSTALL_FULL_LIBEXECDIR}/souffleur)
set(SOUFFLEUR_DOCDIR ${CMAKE_INSTALL_FULL_DATADIR}/doc)

# The Debian changelog, compressed as Debian wants it (no name, no time stamp).
set(_changelog_gz ${_dist_out}/changelog.Debian.gz)
add_custom_command(OUTPUT ${_changelog_gz}
    COMMAND sh -c "gzip -9nc \"$1\" > \"$2\"" sh ${_dist_debian}/changelog ${_changelog_gz}
    DEPENDS ${_dist_debian}/changelog
    COMMENT "Compressing the Debian changelog" VERBATIM)
add_custom_target(souffleur_debian_changelog ALL DEPENDS ${_changelog_gz})

# /usr/share/doc/PACKAGE: copyright, changelog.Debian.gz and README.Debian.
function(souffleur_install_package_docs component package)
    install(FILES ${_dist_debian}/copyright ${_changelog_gz} ${ARGN}
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
endfunction()

# The manual page docs/man/PAGE (e.g. souffleur-server.8), compressed as
# Debian wants it (gzip -9n, as the changelog), into share/man/manN, N the
# page's section; ARGN: other programs the page describes, each a link to it
# (Debian's way rather than `.so`). The souffleur_man_pages target makes them.
set(_man_pages_gz)
function(souffleur_install_man_page component page)
    string(REGEX REPLACE "^.*\\.([1-9])$" "\\1" section ${page})
    set(gz ${_dist_out}/${page}.gz)
    add_custom_command(OUTPUT ${gz}
        COMMAND sh -c "gzip -9nc \"$1\" > \"$2\"" sh ${PROJECT_SOURCE_DIR}/docs/man/${page} ${gz}
        DEPENDS ${PROJECT_SOURCE_DIR}/docs/man/${page}
        COMMENT "Compressing the manual page ${page}" VERBATIM)
    set(files ${gz})
    foreach(program ${ARGN})
        file(CREATE_LINK ${page}.gz ${_dist_out}/${program}.${section}.gz SYMBOLIC)
        list(APPEND files ${_dist_out}/${program}.${section}.gz)
    endforeach()
    install(FILES ${files} DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section} COMPONENT ${component})
    set(_man_pages_gz ${_man_pages_gz} ${gz} PARENT_SCOPE)
endfunction()

# The server.
configure_file(${PROJECT_SOURCE_DIR}/server/dist/souffleur-server.service.in
               ${_dist_out}/souffleur-server.service @ONLY)
install(TARGETS souffleur-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
install(FILES ${_dist_out}/souffleur-server.service
        DESTINATION ${_unit_dir} COMPONENT server)
install(FILES ${PROJECT_SOURCE_DIR}/server/dist/server.conf
        DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/souffleur COMPONENT server)
souffleur_install_package_docs(server souffleur-server ${_dist_debian}/server/README.Debian)
souffleur_install_man_page(server souffleur-server.8)
set(_components server)

if(SOUFFLEUR_GUI)
    set(_icons ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

    # The desk: souffleur-overlay execs souffleur-overlay-panel from its own
    # directory; never the test panel.
    foreach(file souffleur-overlay.desktop souffleur-overlay-autostart.desktop)
        configure_file(${PROJECT_SOURCE_DIR}/overlay/dist/${file}.in ${_dist_out}/${file} @ONLY)
    endforeach()
    configure_file(${PROJECT_SOURCE_DIR}/overlay/dist/souffleur-desk-start.in
                   ${_dist_out}/souffleur-desk-start @ONLY)
    install(TARGETS souffleur-overlay souffleur-overlay-panel
            RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT desk)
    install(PROGRAMS ${_dist_out}/souffleur-desk-start
            DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/souffleur COMPONENT desk)
    install(FILES ${_dist_out}/souffleur-overlay.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT desk)
    install(FILES ${_dist_out}/souffleur-overlay-autostart.desktop
            DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/xdg/autostart
            RENAME souffleur-overlay.desktop COMPONENT desk)
    install(FILES ${PROJECT_SOURCE_DIR}/overlay/dist/desk.conf
            DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/souffleur COMPONENT desk)
    install(FILES ${PROJECT_SOURCE_DIR}/overlay/dist/souffleur-overlay.svg
            DESTINATION ${_icons} COMPONENT desk)
    souffleur_install_package_docs(desk souffleur-desk ${_dist_debian}/desk/README.Debian)
    souffleur_install_man_page(desk souffleur-overlay.1 souffleur-overlay-panel)

    # The studio, and the authors' command-line tool.
    install(TARGETS souffleur-studio souffleur
            RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT studio)
    install(FILES ${PROJECT_SOURCE_DIR}/authoring/dist/souffleur-studio.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT studio)
    install(FILES ${PROJECT_SOURCE_DIR}/authoring/dist/souffleur-studio.svg
            DESTINATION ${_icons} COMPONENT studio)
    install(FILES ${PROJECT_SOURCE_DIR}/authoring/dist/souffleur-studio.conf
            DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/xdg/souffleur COMPONENT studio)
    souffleur_install_package_docs(studio souffleur-studio)
    souffleur_install_man_page(studio souffleur-studio.1)
    souffleur_install_man_page(studio souffleur.1)
    list(APPEND _components desk studio)
endif()
add_custom_target(souffleur_man_pages ALL DEPENDS ${_man_pages_gz})

# The Debian version: the changelog's first entry, whose upstream part must be
# the project's version (checked when the packages are made).
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_dist_debian}/changelog)
file(STRINGS ${_dist_debian}/changelog _first_entry LIMIT_COUNT 1)
if(NOT _first_entry MATCHES "^souffleur \\(([^)-]+)-([^)]+)\\)")
    message(FATAL_ERROR "cmake/debian/changelog: the first line must be "
                        "`souffleur (VERSION-REVISION) ...`, not `${_first_entry}`")
endif()
set(CPACK_SOUFFLEUR_CHANGELOG_VERSION ${CMAKE_MATCH_1}) # for CPackProjectConfig.cmake
set(CPACK_DEBIAN_PACKAGE_RELEASE ${CMAKE_MATCH_2})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME souffleur)
set(CPACK_PACKAGE_VENDOR "The Souffleur authors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
# Absolute destinations (/etc, /lib/systemd) land in the package, not on this machine.
set(CPACK_SET_DESTDIR ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_COMPONENTS_ALL ${_components})
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # NAME_VERSION-REVISION_ARCH.deb
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${SOUFFLEUR_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The libraries' packages, as dpkg-shlibdeps finds them (Qt WebEngine's
# symbols file adds libqt6webenginecore6-bin, its helper process).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_PROJECT_CONFIG_FILE ${_dist_debian}/CPackProjectConfig.cmake)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME souffleur-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${_dist_debian}/server/postinst ${_dist_debian}/server/prerm ${_dist_debian}/server/postrm
    ${_dist_debian}/server/conffiles)
set(CPACK_COMPONENT_SERVER_DESCRIPTION
    "front-office performance support: sync server
Souffleur gives front-office employees the critical task step by step, in a
small panel beside their application, and lets them say in seconds when a
step is wrong, unclear or has a tip. Authors write and review the guides
in Souffleur Studio.

This package holds the sync server: it publishes the guides and alerts to
every desk, collects the desks' records and feedback for review and After
Action Reviews, and keeps everything in one SQLite file. It runs as the
hardened systemd service souffleur-server, as the system user souffleur,
with its settings in /etc/souffleur/server.conf and its data in
/var/lib/souffleur.")

set(CPACK_DEBIAN_DESK_PACKAGE_NAME souffleur-desk)
set(CPACK_DEBIAN_DESK_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_DESK_PACKAGE_CONTROL_EXTRA ${_dist_debian}/desk/conffiles)
set(CPACK_COMPONENT_DESK_DESCRIPTION
    "front-office performance support: desk panel
Souffleur gives front-office employees the critical task step by step, in a
small panel beside their application, and lets them say in seconds when a
step is wrong, unclear or has a tip.

This package holds the desk panel, souffleur-overlay: it keeps a replica of
the organisation's guides and works offline. It comes with a menu entry, the
handler of souffleur://guide/ID links and an autostart entry, which start it
with the settings in /etc/souffleur/desk.conf.")

set(CPACK_DEBIAN_STUDIO_PACKAGE_NAME souffleur-studio)
set(CPACK_DEBIAN_STUDIO_PACKAGE_SECTION editors)
set(CPACK_DEBIAN_STUDIO_PACKAGE_CONTROL_EXTRA ${_dist_debian}/studio/conffiles)
set(CPACK_COMPONENT_STUDIO_DESCRIPTION
    "front-office performance support: authoring studio
Souffleur gives front-office employees the critical task step by step, in a
small panel beside their application. Content experts and best performers
write the guides; a small server hands them to every desk.

This package holds Souffleur Studio, where authors write, review and improve
the guides, see the desk's own view of every step, answer the desks'
feedback and run After Action Reviews, and souffleur, the command-line tool
for scripts (validate, lint, save, submit, approve, reports).")

include(CPack)
