# Every dependency comes from a Debian 12 package (see scripts/install-deps).
find_package(PkgConfig REQUIRED)
find_package(LibXml2 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(Threads REQUIRED)
find_package(Boost 1.81 REQUIRED)
find_package(boost_json 1.81 REQUIRED CONFIG)
find_package(boost_url 1.81 REQUIRED CONFIG)

# Beast/Asio are header-only; one INTERFACE target carries what they need.
add_library(souffleur_asio INTERFACE)
add_library(souffleur::asio ALIAS souffleur_asio)
target_link_libraries(souffleur_asio INTERFACE Boost::headers Threads::Threads OpenSSL::SSL
                                               OpenSSL::Crypto)
target_compile_definitions(souffleur_asio INTERFACE BOOST_ASIO_NO_DEPRECATED)

if(SOUFFLEUR_TESTS)
    find_package(Catch2 2 REQUIRED)
endif()
# The server cleans pictures for guides: libpng and TurboJPEG (libjpeg-turbo).
find_package(PNG REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(TURBOJPEG REQUIRED IMPORTED_TARGET libturbojpeg)
if(SOUFFLEUR_BENCH)
    find_package(benchmark REQUIRED)
endif()
if(SOUFFLEUR_GUI)
    find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Network WebChannel WebEngineCore
                                             WebEngineWidgets LinguistTools Concurrent)
    # The studio keeps its token in the desktop's keyring (qtkeychain-qt6-dev).
    find_package(Qt6Keychain REQUIRED)
    # QTest drives the GUI tests, and the studio's preview benchmark types with it.
    if(SOUFFLEUR_TESTS OR SOUFFLEUR_BENCH)
        find_package(Qt6 6.4 REQUIRED COMPONENTS Test)
    endif()
endif()
