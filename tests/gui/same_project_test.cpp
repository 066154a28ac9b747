// The desktop and the command line add a channel swap's saving the same way: given the
// same project, transactions, lookup and swap, the customer profile dialog and
// `equivalue-cli profile --add-to-change` produce the same project, byte for byte as
// `equivalue-cli dump` writes it.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "equivalue/interchange/json_format.hpp"
#include "gui_support.hpp"
#include "profile_wizard.hpp"

namespace eqv::gui {
namespace {

namespace fs = std::filesystem;

// Three segments (65+ 0.40 / 0.10 / 0.20 and disabled 0.25 / 0.10 / 0.20 of 2,000 / 3,000
// / 5,000 people); the council prices face-to-face at £10.50 (web £0.15 from the shipped
// list), so each contact moved saves £10.35. Change C1 has a draft assessment that has
// screened age.
const char* kProject = R"({"format": "equivalue/1",
 "project": {"name": "Swap test", "channel_costs": {"face-to-face": "10.50"}},
 "segments": {"scheme": "oac2021-supergroup",
   "characteristics": {"age": ["0-15", "16-64", "65+"], "disability": ["disabled", "not disabled"]},
   "items": [
     {"code": "1", "name": "Retired Professionals", "population": 2000,
      "composition": {"age": {"0-15": 0.10, "16-64": 0.50, "65+": 0.40},
                      "disability": {"disabled": 0.25, "not disabled": 0.75}}},
     {"code": "2", "name": "Suburbanites", "population": 3000,
      "composition": {"age": {"0-15": 0.30, "16-64": 0.60, "65+": 0.10},
                      "disability": {"disabled": 0.10, "not disabled": 0.90}}},
     {"code": "3", "name": "Urbanites", "population": 5000,
      "composition": {"age": {"0-15": 0.20, "16-64": 0.60, "65+": 0.20},
                      "disability": {"disabled": 0.20, "not disabled": 0.80}}}]},
 "changes": [{"id": "C1", "title": "Online payments",
   "sroi": {"stakeholders": [{"id": "R", "name": "Residents"}],
            "inputs": [{"stakeholder": "R", "description": "Set-up", "amount": "8000.00"}],
            "outcomes": [{"id": "O1", "stakeholder": "R", "description": "Time saved", "quantity": 10,
                          "proxy": {"value": "1035.00"}, "duration": 1}]},
   "affected_segments": [{"segment": "3", "share": 0.5}],
   "eqia": {"template": "england", "status": "draft",
            "screening": [{"characteristic": "age", "relevant": "yes",
                           "reason": "Older residents pay in person"}]}}]})";

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// `equivalue-cli ARGS`: its exit status, standard output in `out`.
int cli(const std::string& arguments, const fs::path& out) {
  const std::string command =
      std::string(EQUIVALUE_CLI) + " " + arguments + " >" + out.string() + " 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(SameProject, DesktopAndCommandLineAddTheSwapAlike) {
  const fs::path dir = fs::temp_directory_path() / "equivalue-gui-same-project-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  write(dir / "project.json", kProject);
  write(dir / "oac.csv", "oa21cd,supergroup\nE00000001,1\nE00000002,2\nE00000003,3\n");
  // Segment 1 has 3 face-to-face contacts; segment 2 five telephone; segment 3 forty
  // face-to-face and ten web.
  std::string transactions = "oa21cd,channel\n";
  for (int i = 0; i < 3; ++i) transactions += "E00000001,face-to-face\n";
  for (int i = 0; i < 5; ++i) transactions += "E00000002,telephone\n";
  for (int i = 0; i < 40; ++i) transactions += "E00000003,face-to-face\n";
  for (int i = 0; i < 10; ++i) transactions += "E00000003,web\n";
  write(dir / "t.csv", transactions);

  // The command line: half of segment 1's face-to-face and telephone contacts to the web.
  ASSERT_EQ(cli("profile --transactions " + (dir / "t.csv").string() + " --lookup " +
                    (dir / "oac.csv").string() + " --segments " + (dir / "project.json").string() +
                    " --swap-segments 1 --swap-share 0.5 --add-to-change C1 --write-project " +
                    (dir / "cli.json").string(),
                dir / "cli-profile.txt"),
            0)
      << read(dir / "cli-profile.txt");

  // The desktop: the same files and swap through the customer profile dialog.
  test::TestFrame holder;
  JsonReadResult input = read_project_json(kProject);
  ASSERT_TRUE(input.problems.empty());
  ProjectDocument doc(memory_sink(input.project));
  auto* dialog = new CustomerProfileDialog(holder.frame, doc, 0);
  ASSERT_TRUE(dialog->set_transactions((dir / "t.csv").string()));
  dialog->set_lookups({(dir / "oac.csv").string()});
  ASSERT_TRUE(dialog->run_profile(true));
  ASSERT_TRUE(dialog->set_swap({"1"}, "0.5", {"face-to-face", "telephone"}, "365"));
  ASSERT_TRUE(dialog->add_outcome());
  dialog->Destroy();
  write(dir / "gui.json", write_project_json(doc.project()));

  ASSERT_EQ(cli("dump " + (dir / "cli.json").string(), dir / "cli-dump.json"), 0)
      << read(dir / "cli-dump.json");
  ASSERT_EQ(cli("dump " + (dir / "gui.json").string(), dir / "gui-dump.json"), 0)
      << read(dir / "gui-dump.json");
  const std::string from_cli = read(dir / "cli-dump.json"), from_gui = read(dir / "gui-dump.json");
  EXPECT_EQ(from_gui, from_cli);

  // And what both hold, by hand: 1.5 contacts a year x £10.35 = £15.525, held as £15.53,
  // as outcome SWAP1 to a new stakeholder "council"; the digital-exclusion prompt (65+ are
  // 40% of segment 1's people against 21% across the area) beside age's reason.
  const ServiceChange& c = doc.project().changes.at(0);
  ASSERT_EQ(c.sroi.outcomes.size(), 2u);
  EXPECT_EQ(c.sroi.outcomes[1].id, "SWAP1");
  EXPECT_EQ(c.sroi.outcomes[1].stakeholder, "council");
  EXPECT_EQ(c.sroi.outcomes[1].proxy.value, Decimal("15.53"));
  ASSERT_TRUE(c.eqia);
  EXPECT_NE(c.eqia->screening.at(0).reason.find("Channel swap (outcome SWAP1): Digital exclusion"),
            std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace eqv::gui
