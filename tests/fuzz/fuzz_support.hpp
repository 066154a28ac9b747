// Shared pieces of the fuzz targets (tests/fuzz/README.md).
//
// A reader given any bytes may accept them or refuse them with InputError (or a list of
// problems). Anything else is a fault: a crash, a sanitizer report, another exception
// escaping (libFuzzer reports it as a crash), or a broken promise checked with require().
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace eqv::fuzz {

// Stops the run with a message when a promise of the reader is broken.
inline void require(bool holds, const char* promise) {
  if (holds) return;
  std::fprintf(stderr, "broken promise: %s\n", promise);
  std::abort();
}

inline std::string_view as_text(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A folder of this process's own, removed when the process ends.
inline const std::filesystem::path& scratch_folder() {
  static const std::filesystem::path folder = [] {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "equivalue-fuzz-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) std::abort();
    static std::filesystem::path made = pattern;
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(made, ec);
    });
    return made;
  }();
  return folder;
}

// Writes the input to `name` in the scratch folder (readers that take a path) and
// returns the path. The file is replaced on every call.
inline std::string write_input(const std::string& name, std::string_view bytes) {
  const std::filesystem::path path = scratch_folder() / name;
  std::filesystem::remove(path);
  std::ofstream(path, std::ios::binary)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path.string();
}

}  // namespace eqv::fuzz
