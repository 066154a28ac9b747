#include "equivalue/publish/pdf.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

extern char** environ;

namespace eqv::publishing {
namespace {

constexpr auto kPrintTimeout = std::chrono::seconds(120);

bool runnable(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// file:///absolute/path with every byte outside the unreserved set percent-encoded.
std::string file_url(const std::filesystem::path& path) {
  const std::string text = std::filesystem::absolute(path).string();
  std::string url = "file://";
  const char* hex = "0123456789ABCDEF";
  for (const unsigned char c : text) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '/' || c == '.' || c == '-' || c == '_' || c == '~';
    if (plain)
      url += static_cast<char>(c);
    else
      url += {'%', hex[c >> 4], hex[c & 0x0F]};
  }
  return url;
}

// Runs the program, its output going to `log`; returns its exit status, or -1 when it had
// to be stopped after the timeout or could not be started.
int run(const std::vector<std::string>& args, const std::filesystem::path& log) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return -1;
  const auto deadline = std::chrono::steady_clock::now() + kPrintTimeout;
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A fresh, private profile folder for one run of Chromium, removed afterwards.
struct TemporaryFolder {
  std::filesystem::path path;
  TemporaryFolder() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "equivalue-pdf-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
      throw PublishError("cannot create a temporary folder for printing the PDF");
    path = pattern;
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

}  // namespace

std::optional<std::filesystem::path> find_chromium() {
  if (const char* chosen = std::getenv("EQUIVALUE_CHROMIUM"); chosen && *chosen) {
    if (runnable(chosen)) return std::filesystem::path(chosen);
    return std::nullopt;
  }
  const char* path = std::getenv("PATH");
  std::string folders = path ? path : "/usr/local/bin:/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    std::size_t start = 0;
    while (start <= folders.size()) {
      const std::size_t end = std::min(folders.find(':', start), folders.size());
      const std::filesystem::path candidate =
          std::filesystem::path(folders.substr(start, end - start)) / name;
      if (end > start && runnable(candidate)) return candidate;
      start = end + 1;
    }
  }
  return std::nullopt;
}

void write_pdf(const std::filesystem::path& html, const std::filesystem::path& pdf) {
  const auto chromium = find_chromium();
  if (!chromium)
    throw ChromiumMissing(
        "cannot make the PDF: Chromium is not installed (Debian: sudo apt-get install chromium), "
        "or set "
        "EQUIVALUE_CHROMIUM to the browser program. The HTML document was written; it can be "
        "printed to PDF from "
        "any browser.");
  const TemporaryFolder profile;
  std::filesystem::path temporary = pdf;
  temporary += ".part";
  const std::vector<std::string> args = {
      chromium->string(),
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--user-data-dir=" + profile.path.string(),
      "--no-pdf-header-footer",
      "--generate-pdf-document-outline",
      "--print-to-pdf=" + std::filesystem::absolute(temporary).string(),
      file_url(html)};
  const int status = run(args, profile.path / "chromium.log");
  std::error_code ec;
  if (status != 0 || !std::filesystem::is_regular_file(temporary, ec) ||
      std::filesystem::file_size(temporary, ec) == 0) {
    std::filesystem::remove(temporary, ec);
    throw PublishError(pdf.string() + ": Chromium could not print the PDF (" +
                       (status == -1 ? std::string("it did not finish")
                                     : "exit status " + std::to_string(status)) +
                       ")");
  }
  std::filesystem::rename(temporary, pdf, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    throw PublishError(pdf.string() + ": the PDF could not be put in place: " + ec.message());
  }
}

}  // namespace eqv::publishing
