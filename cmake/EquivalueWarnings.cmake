# equivalue_warnings(target): the project's warning set, scoped to one target.
function(equivalue_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion
    # GCC 12 reports false -Wrestrict positives inside std::string (GCC bug 105329).
    $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
  if(EQUIVALUE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
