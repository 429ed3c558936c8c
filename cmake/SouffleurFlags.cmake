# Compiler flags as INTERFACE targets, linked PRIVATE by every Souffleur target.
add_library(souffleur_warnings INTERFACE)
add_library(souffleur::warnings ALIAS souffleur_warnings)
target_compile_options(souffleur_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wconversion -Wsign-conversion
    -Wimplicit-fallthrough -Wformat=2
    # Designated initializers leave the other members at their defaults on
    # purpose; g++ 12 would flag every one of them.
    -Wno-missing-field-initializers
    # Only unoptimised: at -O2, g++ 12 reports "potential null pointer
    # dereference" deep inside Asio's scheduler and libstdc++'s shared_ptr,
    # false positives that would break the release build.
    $<$<CONFIG:Debug>:-Wnull-dereference>)
if(SOUFFLEUR_WERROR)
    target_compile_options(souffleur_warnings INTERFACE -Werror
        # Shown, but not errors, in a Release build (-O3): there g++ 12
        # reports "may be used uninitialized" inside std::expected<vector>
        # and -Wrestrict inside std::string's operator+ (GCC bug 105651),
        # false positives in libstdc++ that the presets' -O2 does not see.
        $<$<AND:$<CXX_COMPILER_ID:GNU>,$<CONFIG:Release>>:-Wno-error=maybe-uninitialized>
        $<$<AND:$<CXX_COMPILER_ID:GNU>,$<CONFIG:Release>>:-Wno-error=restrict>)
endif()

if(SOUFFLEUR_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# souffleur_add_library(NAME ALIAS [sources...]): a component library with the
# public headers in include/ and the warning flags applied.
function(souffleur_component target alias)
    add_library(${target} STATIC ${ARGN})
    add_library(souffleur::${alias} ALIAS ${target})
    target_link_libraries(${target} PRIVATE souffleur::warnings)
    set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()
