// The EqIA page follows the core's rules: an incomplete assessment is not submitted, each
// unmet rule is listed and shown beside its field, and the equality officer can return
// (with comments) and approve.
#include "eqia_page.hpp"
#include "publish_dialog.hpp"
#include "gui_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace eqv::gui {
namespace {

TEST(Eqia, SubmitIsRefusedAndEachUnmetRuleIsShownBesideItsField) {
  test::TestFrame holder;
  auto doc = test::worked_example_document();
  auto* page = new EqiaPage(holder.frame, *doc);
  page->set_change(0);

  // The worked example names no lead officer, directorate or decision maker.
  const Problems problems = page->submit();
  EXPECT_FALSE(problems.empty());
  EXPECT_EQ(doc->change(0).eqia->status, EqiaStatus::draft);
  EXPECT_EQ(page->unmet().size(), problems.size());
  EXPECT_NE(page->identity()->note_of("lead_officer"), "");
  EXPECT_NE(page->identity()->note_of("directorate"), "");

  // Typing the lead officer's name puts that rule right at once.
  const std::size_t before = page->unmet().size();
  test::type_into(page->identity()->control("lead_officer"), "A. Patel");
  EXPECT_EQ(doc->change(0).eqia->lead_officer, "A. Patel");
  EXPECT_EQ(page->identity()->note_of("lead_officer"), "");
  EXPECT_EQ(page->unmet().size(), before - 1);
  page->Destroy();
}

// The worked example with its assessment submitted by "lead".
Project submitted_example() {
  Project project = test::worked_example();
  project.changes[0].eqia->status = EqiaStatus::submitted;
  project.changes[0].eqia->history.push_back(
      {EqiaStatus::draft, EqiaStatus::submitted, "lead", "2026-11-20T09:00:00Z", ""});
  return project;
}

TEST(Eqia, OfficerReturnsWithCommentsAndApproves) {
  test::TestFrame holder;
  const Project project = submitted_example();
  ProjectDocument doc(memory_sink(project));
  auto* page = new EqiaPage(holder.frame, doc);
  page->set_change(0);

  // Returning needs comments.
  EXPECT_FALSE(page->return_with_comments("officer", "").empty());
  EXPECT_EQ(doc.change(0).eqia->status, EqiaStatus::submitted);
  EXPECT_TRUE(page->return_with_comments("officer", "Add evidence for disability").empty());
  EXPECT_EQ(doc.change(0).eqia->status, EqiaStatus::returned);
  EXPECT_EQ(doc.change(0).eqia->history.back().comment, "Add evidence for disability");

  // Approve a submitted assessment (reviewer not the submitter).
  doc.edit([](Project& p) { p.changes[0].eqia->status = EqiaStatus::submitted; },
           "resubmitted for the test", 0);
  EXPECT_TRUE(page->approve("officer").empty());
  EXPECT_EQ(doc.change(0).eqia->status, EqiaStatus::approved);
  page->Destroy();
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The Publish step writes the document residents read, no longer a draft; before approval
// the step is refused and nothing is written, and File > Publish... writes a draft.
TEST(Eqia, PublishingAnApprovedAssessmentWritesItsDocument) {
  test::TestFrame holder;
  const Project project = submitted_example();
  ProjectDocument doc(memory_sink(project));
  auto* page = new EqiaPage(holder.frame, doc);
  page->set_change(0);
  const auto dir = std::filesystem::temp_directory_path() / "equivalue-gui-publish";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);

  const auto early = dir / "early.html";
  EXPECT_FALSE(page->publish(early.string()).empty());  // submitted, not approved
  EXPECT_FALSE(std::filesystem::exists(early));
  EXPECT_EQ(doc.change(0).eqia->status, EqiaStatus::submitted);

  const auto draft = dir / "draft.html";
  PublishDocument(doc, 0, draft.string());
  EXPECT_NE(read_text(draft).find("<title>Draft: "), std::string::npos);

  ASSERT_TRUE(page->approve("officer").empty());
  const auto published = dir / "published.html";
  EXPECT_TRUE(page->publish(published.string()).empty());
  EXPECT_EQ(doc.change(0).eqia->status, EqiaStatus::published);
  const std::string html = read_text(published);
  EXPECT_EQ(html.find("Draft:"), std::string::npos);
  EXPECT_NE(html.find(project.changes[0].title), std::string::npos);
  EXPECT_NE(html.find("lang=\"en-GB\""), std::string::npos);

  const auto round = dir / "round.html";
  PublishDocument(doc, -1, round.string());
  EXPECT_NE(read_text(round).find(project.changes[0].id), std::string::npos);
  page->Destroy();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace eqv::gui
