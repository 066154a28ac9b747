# Checked builds. Each option instruments every target configured after this file is
# included (libraries, programs and tests alike), so a fault in a library is caught
# whichever test drives it.
#
#   EQUIVALUE_SANITIZE  AddressSanitizer + UndefinedBehaviorSanitizer: the whole suite.
#   EQUIVALUE_TSAN      ThreadSanitizer: for the tests that run threads (profiling,
#                       Monte Carlo); ASan and TSan cannot share a build.
#   EQUIVALUE_FUZZ      libFuzzer targets (clang only), with ASan + UBSan: tests/fuzz.
#
# The run-time options (halt on the first error, leak checking, the suppressions for
# GTK and fontconfig) are compiled into every program by sanitizer_defaults.cpp, so a
# test behaves the same whether ctest, a Python script or a person starts it.
option(EQUIVALUE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(EQUIVALUE_TSAN "Build with ThreadSanitizer" OFF)
option(EQUIVALUE_FUZZ "Build the libFuzzer targets in tests/fuzz (clang only)" OFF)

if(EQUIVALUE_TSAN AND (EQUIVALUE_SANITIZE OR EQUIVALUE_FUZZ))
  message(FATAL_ERROR "EQUIVALUE_TSAN cannot be combined with EQUIVALUE_SANITIZE or EQUIVALUE_FUZZ")
endif()
if(EQUIVALUE_FUZZ AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "EQUIVALUE_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
endif()

set(EQUIVALUE_SANITIZER_FLAGS "")
if(EQUIVALUE_SANITIZE OR EQUIVALUE_FUZZ)
  list(APPEND EQUIVALUE_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined)
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    # Unsigned wrap-around is defined behaviour (hashes rely on it); integer checks stay on.
    list(APPEND EQUIVALUE_SANITIZER_FLAGS -fsanitize=float-divide-by-zero)
  endif()
elseif(EQUIVALUE_TSAN)
  list(APPEND EQUIVALUE_SANITIZER_FLAGS -fsanitize=thread)
endif()

if(EQUIVALUE_SANITIZER_FLAGS)
  add_compile_options(${EQUIVALUE_SANITIZER_FLAGS} -fno-omit-frame-pointer -g1)
  add_link_options(${EQUIVALUE_SANITIZER_FLAGS})
  if(EQUIVALUE_FUZZ)
    # Coverage for the fuzzer everywhere; only the fuzz targets link libFuzzer's main.
    add_compile_options(-fsanitize=fuzzer-no-link)
  endif()
  add_library(equivalue_sanitizer_defaults OBJECT ${CMAKE_CURRENT_LIST_DIR}/sanitizer_defaults.cpp)
  target_compile_definitions(equivalue_sanitizer_defaults PRIVATE
    EQUIVALUE_LSAN_SUPPRESSIONS="${PROJECT_SOURCE_DIR}/tests/sanitizers/lsan.supp")
  link_libraries(equivalue_sanitizer_defaults)
endif()
