#include "editor_lock.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <utility>

namespace eqv::storage::detail {

std::string os_user_name() {
  char buffer[4096];
  passwd entry{};
  passwd* found = nullptr;
  if (getpwuid_r(geteuid(), &entry, buffer, sizeof buffer, &found) == 0 && found && found->pw_name)
    return found->pw_name;
  for (const char* var : {"USER", "LOGNAME"})
    if (const char* v = std::getenv(var); v && *v) return v;
  return "unknown";
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

namespace {

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "another computer";
  return name;
}

std::string read_holder(int fd) {
  char text[512] = {};
  const ssize_t n = pread(fd, text, sizeof text - 1, 0);
  std::string holder = n > 0 ? std::string(text, static_cast<std::size_t>(n)) : std::string();
  while (!holder.empty() && (holder.back() == '\n' || holder.back() == '\r')) holder.pop_back();
  return holder.empty() ? "another person" : holder;
}

}  // namespace

EditorLock::~EditorLock() { release(); }

EditorLock::EditorLock(EditorLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      lock_path_(std::move(other.lock_path_)),
      why_(std::move(other.why_)),
      busy_(other.busy_) {}

EditorLock& EditorLock::operator=(EditorLock&& other) noexcept {
  if (this != &other) {
    release();
    fd_ = std::exchange(other.fd_, -1);
    lock_path_ = std::move(other.lock_path_);
    why_ = std::move(other.why_);
    busy_ = other.busy_;
  }
  return *this;
}

void EditorLock::release() {
  if (fd_ < 0) return;
  // Remove the file while still holding the lock; anyone who opened the old file
  // notices below (the name no longer leads to it) and tries again.
  ::unlink(lock_path_.c_str());
  ::close(fd_);
  fd_ = -1;
}

EditorLock EditorLock::acquire(const std::string& project_path) {
  EditorLock lock;
  lock.lock_path_ = project_path + ".lock";
  for (int attempt = 0; attempt < 5; ++attempt) {
    const int fd = ::open(lock.lock_path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) {
      const int err = errno;
      lock.why_ = (err == EACCES || err == EROFS || err == EPERM)
                      ? "the folder it is in does not allow changes, so it cannot be edited there"
                      : std::string("it cannot be locked for editing (") + std::strerror(err) + ")";
      return lock;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int err = errno;
      if (err == EWOULDBLOCK) {
        lock.why_ =
            read_holder(fd) + " has it open for editing; close it there to make changes here";
        lock.busy_ = true;
        ::close(fd);
        return lock;
      }
      // A share without lock support: carry on; the revision check still stops lost updates.
      if (err != ENOLCK && err != EOPNOTSUPP) {
        lock.why_ = std::string("it cannot be locked for editing (") + std::strerror(err) + ")";
        ::close(fd);
        return lock;
      }
    }
    struct stat held {
    }, named{};
    if (::fstat(fd, &held) != 0 || ::stat(lock.lock_path_.c_str(), &named) != 0 ||
        held.st_ino != named.st_ino || held.st_dev != named.st_dev) {
      ::close(fd);  // the previous editor removed this lock file as we took it: try again
      continue;
    }
    const std::string holder = os_user_name() + " on " + host_name() + " (process " +
                               std::to_string(::getpid()) + ", since " + utc_now() + ")\n";
    if (::ftruncate(fd, 0) == 0) {
      [[maybe_unused]] const ssize_t written = ::pwrite(fd, holder.data(), holder.size(), 0);
    }
    lock.fd_ = fd;
    return lock;
  }
  lock.why_ = "it could not be locked for editing; try again";
  return lock;
}

}  // namespace eqv::storage::detail
