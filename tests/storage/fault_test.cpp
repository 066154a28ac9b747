// A writer killed with SIGKILL at random moments, again and again, in the middle of a
// long run of edits: every time, the file opens, passes SQLite's integrity check and
// holds every edit the writer had reported committed (and never half of one).
#include "test_support.hpp"

#include "equivalue/storage/project_store.hpp"

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

namespace eqv::storage {
namespace {

using test::ScratchDir;

constexpr int kSlots = 5;  // service changes the edits cycle through
constexpr int kKills = 60;

// Edit k names the project "edit k" and, in service change k mod 5, sets the title to
// "edit k" and the first outcome's quantity to k: three fields in three tables, one
// transaction.
void apply_edit(Project& p, std::int64_t k) {
  const std::string name = "edit " + std::to_string(k);
  p.project.name = name;
  auto& change = p.changes[static_cast<std::size_t>(k % kSlots)];
  change.title = name;
  change.sroi.outcomes[0].quantity = decimal_from_int(k);
}

std::int64_t edit_number(const Project& p) {
  const std::string& name = p.project.name;
  return name.rfind("edit ", 0) == 0 ? std::stoll(name.substr(5)) : 0;
}

void report(int fd, std::int64_t k) {
  if (::write(fd, &k, sizeof k) != static_cast<ssize_t>(sizeof k)) ::_exit(5);
}

// The child: opens the project, says it is ready, then edits until it is killed,
// reporting each edit's number once update() has returned (committed).
[[noreturn]] void writer(const std::string& path, int fd) {
  try {
    auto store = ProjectStore::open(path);
    if (store->read_only()) ::_exit(3);
    std::int64_t k = edit_number(store->project());
    report(fd, 0);
    for (;;) {
      ++k;
      store->update([k](Project& p) { apply_edit(p, k); }, "Edit " + std::to_string(k));
      report(fd, k);
    }
  } catch (...) {
    ::_exit(4);
  }
}

// Checks the project holds edits 1..n exactly.
void expect_holds_edits(const Project& p, std::int64_t n, const Project& original) {
  EXPECT_EQ(edit_number(p), n);
  for (int slot = 0; slot < kSlots; ++slot) {
    std::int64_t last = n;
    while (last > 0 && last % kSlots != slot) --last;
    const auto& change = p.changes[static_cast<std::size_t>(slot)];
    if (last == 0) {
      EXPECT_EQ(change.title, original.changes[static_cast<std::size_t>(slot)].title);
    } else {
      EXPECT_EQ(change.title, "edit " + std::to_string(last));
      EXPECT_EQ(change.sroi.outcomes[0].quantity, decimal_from_int(last));
    }
  }
}

TEST(Faults, WriterKilledAtRandomMomentsNeverDamagesTheFileOrLosesACommittedEdit) {
  ScratchDir dir;
  const std::string path = dir.file("crash.eqv");
  Project original = test::worked_example();
  for (int i = 2; i <= kSlots; ++i) {
    ServiceChange copy = original.changes[0];
    copy.id = "C" + std::to_string(i);
    copy.title = "Change " + std::to_string(i);
    original.changes.push_back(copy);
  }
  ProjectStore::create(path, original);

  std::mt19937 random(20261122);
  std::uniform_int_distribution<int> delay_us(0, 60'000);
  std::int64_t committed = 0;
  int kills_mid_run = 0;
  for (int round = 0; round < kKills; ++round) {
    SCOPED_TRACE("kill " + std::to_string(round + 1));
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::close(fds[0]);
      writer(path, fds[1]);
    }
    ::close(fds[1]);
    std::int64_t value = -1;
    ASSERT_EQ(::read(fds[0], &value, sizeof value), static_cast<ssize_t>(sizeof value))
        << "writer did not start";
    ASSERT_EQ(value, 0);
    // Wait for the first edit to be committed, so that every kill lands in the run of edits.
    ASSERT_EQ(::read(fds[0], &value, sizeof value), static_cast<ssize_t>(sizeof value))
        << "writer made no edit";
    ASSERT_EQ(value, committed + 1);
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
    ASSERT_EQ(::kill(child, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped by itself, status " << status;
    std::int64_t reported = value;
    while (::read(fds[0], &value, sizeof value) == static_cast<ssize_t>(sizeof value))
      reported = value;
    ::close(fds[0]);
    if (reported > committed + 1) ++kills_mid_run;

    // Read without editing first (as validate or calc would), then as the next editor.
    if (round % 2 == 1) {
      const Project seen = load_project_file(path);
      EXPECT_GE(edit_number(seen), reported);
    }
    auto store = ProjectStore::open(path);
    ASSERT_FALSE(store->read_only()) << store->read_only_reason();
    ASSERT_EQ(store->integrity_check(), "ok");
    const std::int64_t found = edit_number(store->project());
    // Every reported edit is there; at most the one in flight when killed is there too.
    ASSERT_GE(found, reported);
    ASSERT_LE(found, reported + 1);
    expect_holds_edits(store->project(), found, original);
    // Three audit rows per edit, plus the project's creation: none lost, none extra.
    EXPECT_EQ(store->audit(1'000'000).size(), static_cast<std::size_t>(1 + 3 * found));
    committed = found;
  }
  std::cout << "[ info     ] " << kKills << " kills (" << kills_mid_run
            << " after two or more edits), " << committed << " edits committed and found\n";
}

TEST(Faults, AnotherProcessEditingGivesAReadOnlyViewUntilItEnds) {
  ScratchDir dir;
  const std::string path = dir.file("busy.eqv");
  ProjectStore::create(path, test::worked_example());
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(fds[0]);
    auto store = ProjectStore::open(path);
    report(fds[1], store->read_only() ? 1 : 0);
    for (;;) ::pause();  // holds the project open until killed
  }
  ::close(fds[1]);
  std::int64_t child_read_only = -1;
  ASSERT_EQ(::read(fds[0], &child_read_only, sizeof child_read_only),
            static_cast<ssize_t>(sizeof child_read_only));
  ::close(fds[0]);
  EXPECT_EQ(child_read_only, 0);
  {
    auto view = ProjectStore::open(path);
    EXPECT_TRUE(view->read_only());
    EXPECT_NE(view->read_only_reason().find("(process " + std::to_string(child) + ","),
              std::string::npos)
        << view->read_only_reason();
    EXPECT_EQ(view->project().changes.at(0).id, "C1");
    ASSERT_TRUE(editor_of(path).has_value());
  }
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  EXPECT_FALSE(editor_of(path).has_value());  // the lock died with the process
  auto store = ProjectStore::open(path);
  EXPECT_FALSE(store->read_only()) << store->read_only_reason();
}

}  // namespace
}  // namespace eqv::storage
