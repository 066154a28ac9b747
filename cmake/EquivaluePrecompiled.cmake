# equivalue_precompile(target [HEADER...]): precompiles the standard library headers every
# source file of the target reads, plus the given ones (for instance <gtest/gtest.h> for a
# test program), once per target instead of once per file. This about halves the time each
# file takes to compile, which is most of what the test command spends. Used for targets
# of several files only: for one file it gains nothing. Only headers the target may include
# anyway belong here (a library's "Never includes" line holds for its precompiled headers).
# Clang only (the checked builds): GCC 12 no longer treats precompiled standard headers as
# system headers and reports false -Wstringop-overflow warnings inside them, which the
# warnings-as-errors build would stop on.
option(EQUIVALUE_PCH "Precompile common headers with clang (quicker checked builds)" ON)

function(equivalue_precompile target)
  if(NOT EQUIVALUE_PCH OR NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    return()
  endif()
  target_precompile_headers(${target} PRIVATE
    <algorithm> <filesystem> <fstream> <functional> <map> <memory> <optional> <set>
    <sstream> <string> <string_view> <vector> <boost/multiprecision/cpp_dec_float.hpp>
    ${ARGN})
endfunction()
