// Undo and redo per person: an edit is taken back record by record, keeping what others
// changed since, or refused naming the record someone else changed.
#include "equivalue/core/undo.hpp"

#include <gtest/gtest.h>

using namespace eqv;

namespace {

ServiceChange change(const std::string& id, const std::string& title) {
  ServiceChange c;
  c.id = id;
  c.title = title;
  return c;
}

// C1 Library hours, C2 Day centre, C3 Bus route.
Project three_changes() {
  Project p;
  p.project.name = "Budget 2027";
  p.changes = {change("C1", "Library hours"), change("C2", "Day centre"),
               change("C3", "Bus route")};
  return p;
}

std::vector<std::string> titles(const Project& p) {
  std::vector<std::string> out;
  for (const auto& c : p.changes) out.push_back(c.id + " " + c.title);
  return out;
}

}  // namespace

TEST(Undo, TakesBackMyEditAndKeepsAnotherPersonsLaterEditToAnotherChange) {
  const Project before = three_changes();
  Project mine = before;
  mine.changes[0].title = "Library hours cut";
  const ProjectEdit edit = diff_edit(before, mine);
  ASSERT_EQ(edit.changes.size(), 1u);

  Project now = mine;
  now.changes[1].title = "Day centre closes";  // someone else, after my edit
  const TakeBack undone = take_back(edit, now);
  ASSERT_TRUE(undone.project);
  EXPECT_EQ(titles(*undone.project),
            (std::vector<std::string>{"C1 Library hours", "C2 Day centre closes", "C3 Bus route"}));

  // Redo puts my edit back, and theirs stays.
  const TakeBack redone = take_back(reversed(edit), *undone.project);
  ASSERT_TRUE(redone.project);
  EXPECT_EQ(redone.project->changes[0].title, "Library hours cut");
  EXPECT_EQ(redone.project->changes[1].title, "Day centre closes");
}

TEST(Undo, IsRefusedNamingTheChangeSomeoneElseEditedSince) {
  const Project before = three_changes();
  Project mine = before;
  mine.changes[1].title = "Day centre moves";
  Project now = mine;
  now.changes[1].title = "Day centre moves to Hill Road";  // edited again by someone else
  const TakeBack undone = take_back(diff_edit(before, mine), now);
  EXPECT_FALSE(undone.project);
  EXPECT_EQ(undone.changed_since,
            (std::vector<std::string>{"service change C2 (Day centre moves to Hill Road)"}));
}

TEST(Undo, AnAlterationIsFoundByItsIdWhenOthersAddedChangesSince) {
  const Project before = three_changes();
  Project mine = before;
  mine.changes[2].title = "Bus route 12";
  Project now = mine;
  now.changes.insert(now.changes.begin(), change("C0", "Park cafe"));  // someone else
  const TakeBack undone = take_back(diff_edit(before, mine), now);
  ASSERT_TRUE(undone.project);
  EXPECT_EQ(titles(*undone.project), (std::vector<std::string>{"C0 Park cafe", "C1 Library hours",
                                                               "C2 Day centre", "C3 Bus route"}));
}

TEST(Undo, AddingAChangeIsTakenBackKeepingOthersEditsToTheRest) {
  const Project before = three_changes();
  Project mine = before;
  mine.changes.push_back(change("C4", "Youth club"));
  Project now = mine;
  now.changes[0].title = "Library opens Sundays";
  const TakeBack undone = take_back(diff_edit(before, mine), now);
  ASSERT_TRUE(undone.project);
  EXPECT_EQ(titles(*undone.project), (std::vector<std::string>{"C1 Library opens Sundays",
                                                               "C2 Day centre", "C3 Bus route"}));
}

TEST(Undo, RemovingAChangeIsTakenBackIntoItsOldPlace) {
  const Project before = three_changes();
  Project mine = before;
  mine.changes.erase(mine.changes.begin() + 1);  // C2 removed
  Project now = mine;
  now.changes[1].title = "Bus route 7";  // C3, by someone else
  const TakeBack undone = take_back(diff_edit(before, mine), now);
  ASSERT_TRUE(undone.project);
  EXPECT_EQ(titles(*undone.project),
            (std::vector<std::string>{"C1 Library hours", "C2 Day centre", "C3 Bus route 7"}));
}

TEST(Undo, MovingAChangeIsTakenBack) {
  const Project before = three_changes();
  Project mine = before;
  std::swap(mine.changes[0], mine.changes[1]);  // C2, C1, C3
  Project now = mine;
  now.changes[2].title = "Bus route 9";
  const ProjectEdit edit = diff_edit(before, mine);
  EXPECT_TRUE(edit.changes.empty());  // no record altered: only their order
  const TakeBack undone = take_back(edit, now);
  ASSERT_TRUE(undone.project);
  EXPECT_EQ(titles(*undone.project),
            (std::vector<std::string>{"C1 Library hours", "C2 Day centre", "C3 Bus route 9"}));
}

TEST(Undo, ChangingTheListIsRefusedWhenOthersChangedTheListSince) {
  const Project before = three_changes();
  Project mine = before;
  mine.changes.push_back(change("C4", "Youth club"));
  Project now = mine;
  now.changes.erase(now.changes.begin());  // someone else removed C1
  const TakeBack undone = take_back(diff_edit(before, mine), now);
  EXPECT_FALSE(undone.project);
  EXPECT_EQ(undone.changed_since, (std::vector<std::string>{"the list of service changes"}));
}

TEST(Undo, SettingsChangedByOthersSinceAreNamed) {
  const Project before = three_changes();
  Project mine = before;
  mine.project.base_year = 2027;
  Project now = mine;
  now.project.name = "Budget 2027/28";
  const TakeBack undone = take_back(diff_edit(before, mine), now);
  EXPECT_FALSE(undone.project);
  EXPECT_EQ(undone.changed_since, (std::vector<std::string>{"the project's settings"}));

  const TakeBack alone = take_back(diff_edit(before, mine), mine);
  ASSERT_TRUE(alone.project);
  EXPECT_EQ(alone.project->project.base_year, 2026);
}

TEST(Undo, RepeatedIdsAreTakenBackOnlyWhenTheListIsUntouchedSince) {
  Project before;
  before.changes = {change("C1", "First"), change("C1", "Second")};
  Project mine = before;
  mine.changes.push_back(change("C2", "Third"));
  const ProjectEdit edit = diff_edit(before, mine);

  const TakeBack undone = take_back(edit, mine);
  ASSERT_TRUE(undone.project);
  EXPECT_EQ(titles(*undone.project), (std::vector<std::string>{"C1 First", "C1 Second"}));

  Project now = mine;
  now.changes[1].title = "Second, edited";
  const TakeBack refused = take_back(edit, now);
  EXPECT_FALSE(refused.project);
  EXPECT_EQ(refused.changed_since,
            (std::vector<std::string>{"service change C1 (Second, edited)"}));
}

TEST(Undo, AnEditThatChangedNothingIsEmpty) {
  const Project p = three_changes();
  EXPECT_TRUE(diff_edit(p, p).empty());
  Project moved = p;
  std::swap(moved.changes[0], moved.changes[2]);
  EXPECT_FALSE(diff_edit(p, moved).empty());
}

// Importing proxies changes the project's own library: undo takes exactly that back, and
// refuses when someone has changed the library since.
TEST(Undo, TakesBackAnImportIntoTheProjectsOwnLibrary) {
  Project before;
  before.project.name = "Library";
  Project after = before;
  LibraryProxy row;
  row.id = "own-1";
  after.proxy_library.push_back(row);
  const ProjectEdit edit = diff_edit(before, after);
  EXPECT_FALSE(edit.empty());
  const TakeBack back = take_back(edit, after);
  ASSERT_TRUE(back.project.has_value());
  EXPECT_TRUE(back.project->proxy_library.empty());
  Project changed = after;
  changed.proxy_library[0].licence = "Held by the council";
  EXPECT_EQ(take_back(edit, changed).changed_since,
            std::vector<std::string>{"the project's own proxy library"});
}
