# Per-target warnings (as fmt does), not global CMAKE_CXX_FLAGS.
function(headroom_set_warnings target)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 $<$<BOOL:${HEADROOM_WERROR}>:/WX>)
    else()
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
                               $<$<BOOL:${HEADROOM_WERROR}>:-Werror>)
    endif()
endfunction()
