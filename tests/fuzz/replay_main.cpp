// fuzz_replay TARGET DIR...: runs one fuzz target over every file in the folders given
// (its seeds and the inputs that once found a fault), without libFuzzer, so the normal
// build checks that each fixed fault stays fixed. A missing folder counts as empty.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#define X(target) extern "C" int fuzz_one_##target(const std::uint8_t* data, std::size_t size);
#include "fuzz_replay_targets.inc"
#undef X

namespace {

using Entry = int (*)(const std::uint8_t*, std::size_t);

Entry find_target(std::string_view name) {
#define X(target) \
  if (name == #target) return fuzz_one_##target;
#include "fuzz_replay_targets.inc"
#undef X
  return nullptr;
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: fuzz_replay TARGET DIR...\n");
    return 2;
  }
  const Entry entry = find_target(argv[1]);
  if (!entry) {
    std::fprintf(stderr, "fuzz_replay: no target %s\n", argv[1]);
    return 2;
  }
  std::vector<std::filesystem::path> files;
  for (int i = 2; i < argc; ++i) {
    std::error_code ec;
    for (const auto& item : std::filesystem::directory_iterator(argv[i], ec))
      if (item.is_regular_file()) files.push_back(item.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const std::string bytes = read_all(file);
    std::printf("%s\n", file.filename().c_str());
    std::fflush(stdout);
    entry(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("%zu inputs ran through %s without a fault\n", files.size(), argv[1]);
  return files.empty() ? 1 : 0;
}
