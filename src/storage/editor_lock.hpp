// The one-editor-at-a-time lock: an advisory lock (flock) on NAME.eqv.lock beside the
// project, holding who has it open. The operating system releases it when the holder's
// process ends, however it ends, so a left-over lock file never locks anyone out.
#pragma once

#include <string>

namespace eqv::storage::detail {

class EditorLock {
 public:
  EditorLock() = default;
  ~EditorLock();
  EditorLock(EditorLock&& other) noexcept;
  EditorLock& operator=(EditorLock&& other) noexcept;
  EditorLock(const EditorLock&) = delete;
  EditorLock& operator=(const EditorLock&) = delete;

  // Tries once, without waiting. On failure held() is false and why() says why, in
  // words for the user ("Jo Bloggs (jbloggs on PC-123) has had it open since ...").
  static EditorLock acquire(const std::string& project_path);

  bool held() const { return fd_ >= 0; }
  bool busy() const { return busy_; }  // someone else holds it
  const std::string& why() const { return why_; }
  void release();

 private:
  int fd_ = -1;
  std::string lock_path_;
  std::string why_;
  bool busy_ = false;
};

// The operating-system user name of this process ("unknown" if it has none).
std::string os_user_name();

// Now, as ISO 8601 UTC: "2026-11-22T11:34:15Z".
std::string utc_now();

}  // namespace eqv::storage::detail
