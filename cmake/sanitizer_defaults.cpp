// Run-time options of the sanitizers, built into every program of a checked build
// (cmake/EquivalueSanitizers.cmake). Settings in ASAN_OPTIONS and the like still win.
extern "C" {

// Stop at the first error, so a test cannot pass over a fault it provoked; check for leaks.
const char* __asan_default_options() {
  return "halt_on_error=1:detect_leaks=1:abort_on_error=0:strict_string_checks=1:"
         "detect_stack_use_after_return=1:check_initialization_order=1";
}

const char* __ubsan_default_options() { return "halt_on_error=1:print_stacktrace=1"; }

// Leaks inside GTK, GLib and fontconfig (caches held until exit by design) are not ours.
const char* __lsan_default_options() { return "suppressions=" EQUIVALUE_LSAN_SUPPRESSIONS; }

const char* __tsan_default_options() { return "halt_on_error=1:second_deadlock_stack=1"; }

}  // extern "C"
