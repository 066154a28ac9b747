// `equivalue-cli profile --add-to-change`: the channel-swap saving added to a service change
// as a fiscal outcome, checked by hand through the command line as an officer runs it.
#include "equivalue/core/model.hpp"
#include "equivalue/core/validation.hpp"
#include "equivalue/interchange/json_format.hpp"
#include "profiling_test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace eqv::profiling {
namespace {

using test::TempDir;

// The three segments of profiling_test_support.hpp (65+ 0.40 / 0.10 / 0.20, disabled
// 0.25 / 0.10 / 0.20 of 2,000 / 3,000 / 5,000 people). The council prices face-to-face at
// £10.50 (web stays at Socitm's £0.15), so a contact moved from face-to-face saves £10.35.
// Change C1 before the swap: one outcome 10 x £1,035.00 for a year, discounted at 3.5%:
// PV = 10,350 / 1.035 = 10,000.00; inputs £8,000.00; ratio 1.25.
std::string project_json(const std::string& eqia_status) {
  return R"({"format": "equivalue/1",
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
   "eqia": {"template": "england", "status": ")" +
         eqia_status + R"(",
            "screening": [{"characteristic": "age", "relevant": "yes",
                           "reason": "Older residents pay in person"}]}}]})";
}

// A year of contacts by output area: segment 1 has 3 face-to-face; segment 2 has 5
// telephone; segment 3 has 40 face-to-face and 10 web.
std::string transactions() {
  std::string text = "oa21cd,channel\n";
  for (int i = 0; i < 40; ++i) text += "E00000003,face-to-face\n";
  for (int i = 0; i < 10; ++i) text += "E00000003,web\n";
  for (int i = 0; i < 5; ++i) text += "E00000002,telephone\n";
  for (int i = 0; i < 3; ++i) text += "E00000001,face-to-face\n";
  return text;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct CliRun {
  int status = -1;
  std::string out, err;
};

CliRun cli(const TempDir& dir, const std::string& arguments) {
  const std::string out = dir.file("stdout.txt");
  const std::string err = dir.file("stderr.txt");
  const std::string command =
      std::string(EQUIVALUE_CLI) + " " + arguments + " >" + out + " 2>" + err;
  const int status = std::system(command.c_str());
  CliRun r;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read(out);
  r.err = read(err);
  return r;
}

struct Files {
  std::string project, lookup, transactions;
  std::string profile() const {
    return "profile --transactions " + transactions + " --lookup " + lookup + " --segments " +
           project;
  }
};

Files write_inputs(const TempDir& dir, const std::string& eqia_status = "draft") {
  return {dir.write("project.json", project_json(eqia_status)),
          dir.write("oac.csv", test::kAreaLookup), dir.write("t.csv", transactions())};
}

Project read_project(const std::string& path) {
  JsonReadResult r = read_project_json(read(path));
  EXPECT_TRUE(r.problems.empty()) << path;
  return r.project;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Segment 3, half of its face-to-face and telephone contacts to the web:
//   face-to-face 0.5 x 40 = 20 moved x (10.50 - 0.15 = 10.35) = 207.00; telephone: none.
//   The file is a year (365 days), so the saving is £207.00 a year: outcome SWAP1 = 1 x £207.00.
//   Its present value, one year at 3.5%: 207 / 1.035 = 200.00, so C1's PV 10,000.00 -> 10,200.00
//   and its ratio 10,000 / 8,000 = 1.25 -> 10,200 / 8,000 = 1.275.
// Digital exclusion for segment 3: 65+ 0.20 against 0.21 (R 0.95), disabled 0.20 against 0.18
// (R 1.11): under 1.2, no prompt, so the EqIA is not touched.
TEST(AddToChange, SavingBecomesAnOutcomeOfTheChange) {
  TempDir dir;
  const Files f = write_inputs(dir);
  const std::string out = dir.file("with-swap.json");
  const std::string input_before = read(f.project);
  const CliRun r =
      cli(dir, f.profile() +
                   " --swap-segments 3 --swap-share 0.5 --add-to-change C1 --write-project " + out);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Saving per year             £207.00")) << r.out;
  EXPECT_TRUE(has(r.out, "SWAP1")) << r.out;
  EXPECT_TRUE(has(r.out, "SROI ratio before           1.2500 : 1")) << r.out;
  EXPECT_TRUE(has(r.out, "SROI ratio after            1.2750 : 1")) << r.out;
  EXPECT_FALSE(has(r.out, "Digital exclusion")) << r.out;
  EXPECT_EQ(read(f.project), input_before);  // the input is left as it was
  EXPECT_FALSE(std::filesystem::exists(out + ".part"));

  const Project written = read_project(out);
  EXPECT_TRUE(validate(written).empty());
  const ServiceChange& change = written.changes.at(0);
  ASSERT_EQ(change.sroi.outcomes.size(), 2u);
  const Outcome& o = change.sroi.outcomes[1];
  EXPECT_EQ(o.id, "SWAP1");
  EXPECT_EQ(o.quantity * o.proxy.value, Decimal("207.00"));
  EXPECT_EQ(o.type, ValueType::fiscal);
  EXPECT_TRUE(o.cashable);
  EXPECT_EQ(o.duration, 1);
  // No stakeholder was named and none is the council, so one is added.
  EXPECT_EQ(o.stakeholder, "council");
  ASSERT_EQ(change.sroi.stakeholders.size(), 2u);
  EXPECT_EQ(change.sroi.stakeholders[1].id, "council");
  EXPECT_EQ(change.eqia, read_project(f.project).changes.at(0).eqia);

  // The written project re-validates and its present value includes the new outcome.
  const CliRun check = cli(dir, "validate " + out);
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  const CliRun calc = cli(dir, "calc " + out + " --change C1");
  ASSERT_EQ(calc.status, 0) << calc.err;
  EXPECT_TRUE(has(calc.out, "Present value of benefits  £10,200.00")) << calc.out;
  EXPECT_TRUE(has(calc.out, "(1.2750)")) << calc.out;

  // A second swap on the written project: the next free id, the same council stakeholder.
  const std::string again = dir.file("again.json");
  const CliRun second = cli(
      dir, "profile --transactions " + f.transactions + " --lookup " + f.lookup + " --segments " +
               out + " --swap-segments 3 --swap-share 0.5 --add-to-change C1 --write-project " +
               again + " --duration 2");
  ASSERT_EQ(second.status, 0) << second.err;
  const Project twice_project = read_project(again);
  const ServiceChange& twice = twice_project.changes.at(0);
  ASSERT_EQ(twice.sroi.outcomes.size(), 3u);
  EXPECT_EQ(twice.sroi.outcomes[2].id, "SWAP2");
  EXPECT_EQ(twice.sroi.outcomes[2].stakeholder, "council");
  EXPECT_EQ(twice.sroi.outcomes[2].duration, 2);
  EXPECT_EQ(twice.sroi.stakeholders.size(), 2u);
}

// Segment 1, half of its 3 face-to-face contacts: 1.5 x 10.35 = 15.525 a year, held in the
// project in pence, rounded half away from zero: £15.53.
// Digital exclusion (people of segment 1 only, share 0.5): 65+ 0.40 against
// (800 + 300 + 1,000) / 10,000 = 0.21, R = 1.90; disabled 0.25 against 0.18, R = 1.39: both
// reach 1.2. The draft EqIA gets the prompt beside its age reason, and disability, not yet
// screened, is screened "not sure" with the prompt as its reason.
TEST(AddToChange, ExclusionPromptGoesToADraftEqia) {
  TempDir dir;
  const Files f = write_inputs(dir);
  const std::string out = dir.file("with-swap.json");
  const CliRun r = cli(
      dir, f.profile() + " --swap-segments 1 --swap-share 0.5 --add-to-change C1 --write-project " +
               out + " --outcome-id CS1 --stakeholder R");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Digital exclusion")) << r.out;
  EXPECT_TRUE(has(r.out, "screening of age and disability")) << r.out;
  const Project written = read_project(out);
  EXPECT_TRUE(validate(written).empty());
  const ServiceChange& change = written.changes.at(0);
  const Outcome& o = change.sroi.outcomes.at(1);
  EXPECT_EQ(o.id, "CS1");
  EXPECT_EQ(o.stakeholder, "R");
  EXPECT_EQ(o.quantity * o.proxy.value, Decimal("15.53"));
  EXPECT_EQ(change.sroi.stakeholders.size(), 1u);
  ASSERT_TRUE(change.eqia);
  ASSERT_EQ(change.eqia->screening.size(), 2u);
  EXPECT_EQ(change.eqia->screening[0].relevant, Relevance::yes);
  EXPECT_TRUE(has(change.eqia->screening[0].reason, "Older residents pay in person"));
  EXPECT_TRUE(
      has(change.eqia->screening[0].reason, "Channel swap (outcome CS1): Digital exclusion"));
  EXPECT_EQ(change.eqia->screening[1].characteristic, "disability");
  EXPECT_EQ(change.eqia->screening[1].relevant, Relevance::not_sure);
  EXPECT_TRUE(has(change.eqia->screening[1].reason, "age 65+: 40.0%"));
}

// The same swap on an approved EqIA: the outcome is added, the assessment is not touched.
TEST(AddToChange, ApprovedEqiaIsLeftUnchanged) {
  TempDir dir;
  const Files f = write_inputs(dir, "approved");
  const std::string out = dir.file("with-swap.json");
  const CliRun r =
      cli(dir, f.profile() +
                   " --swap-segments 1 --swap-share 0.5 --add-to-change C1 --write-project " + out);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Digital exclusion")) << r.out;
  EXPECT_TRUE(has(r.out, "is approved, so it was left unchanged")) << r.out;
  const Project written = read_project(out);
  EXPECT_EQ(written.changes.at(0).sroi.outcomes.size(), 2u);
  EXPECT_EQ(written.changes.at(0).eqia, read_project(f.project).changes.at(0).eqia);
}

// A change without an EqIA: a draft is started as the desktop starts one (core's
// new_assessment: template = the project's jurisdiction, one "not sure" screening row for
// each of the England template's nine protected characteristics), and the prompt goes into
// the rows of both flagged characteristics, age and disability.
TEST(AddToChange, ChangeWithoutEqiaGetsADraft) {
  TempDir dir;
  Files f = write_inputs(dir);
  Project without = read_project(f.project);
  without.changes.at(0).eqia.reset();
  f.project = dir.write("no-eqia.json", write_project_json(without));
  const std::string out = dir.file("with-swap.json");
  const CliRun r =
      cli(dir, f.profile() +
                   " --swap-segments 1 --swap-share 0.5 --add-to-change C1 --write-project " + out);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, "had no EqIA: a draft was started")) << r.out;
  const Project written = read_project(out);
  EXPECT_TRUE(validate(written).empty());
  const auto& eqia = written.changes.at(0).eqia;
  ASSERT_TRUE(eqia);
  EXPECT_EQ(eqia->status, EqiaStatus::draft);
  EXPECT_EQ(eqia->template_name, "england");
  ASSERT_EQ(eqia->screening.size(), 9u);
  EXPECT_EQ(eqia->screening[0].characteristic, "age");
  EXPECT_EQ(eqia->screening[0].relevant, Relevance::not_sure);
  EXPECT_TRUE(has(eqia->screening[0].reason, "Channel swap (outcome SWAP1): Digital exclusion"));
  EXPECT_EQ(eqia->screening[1].characteristic, "disability");
  EXPECT_TRUE(has(eqia->screening[1].reason, "Channel swap (outcome SWAP1): Digital exclusion"));
  EXPECT_EQ(eqia->screening[8].characteristic, "sexual-orientation");
  EXPECT_EQ(eqia->screening[8].reason, "");
}

// A workbook that cannot be written stops the run before the project appears.
TEST(AddToChange, FailedWorkbookLeavesNoProject) {
  TempDir dir;
  const Files f = write_inputs(dir);
  const std::string out = dir.file("with-swap.json");
  const CliRun r = cli(
      dir, f.profile() + " --swap-segments 3 --swap-share 0.5 --add-to-change C1 --write-project " +
               out + " -o " + dir.file("no/such/folder/profile.xlsx"));
  EXPECT_EQ(r.status, 2) << r.out << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_FALSE(std::filesystem::exists(out + ".part"));
}

// Every misuse: exit 2, a message naming the option, nothing written.
TEST(AddToChange, BadOptionsExitTwoAndWriteNothing) {
  TempDir dir;
  const Files f = write_inputs(dir);
  const std::string out = dir.file("out.json");
  const std::string swap = " --swap-segments 3 --swap-share 0.5";
  const std::string segments_csv = dir.write("segments.csv", "code,name,population\n1,One,100\n");
  const std::string base =
      "profile --transactions " + f.transactions + " --lookup " + f.lookup + " --segments ";
  const std::vector<std::pair<std::string, std::string>> cases{
      {f.profile() + swap + " --add-to-change C1", "--write-project"},
      {f.profile() + swap + " --write-project " + out, "--add-to-change"},
      {f.profile() + " --swap-segments 3 --add-to-change C1 --write-project " + out,
       "--swap-share"},
      {f.profile() + " --swap-share 0.5 --add-to-change C1 --write-project " + out,
       "--swap-segments"},
      {base + segments_csv + swap + " --add-to-change C1 --write-project " + out, "segments CSV"},
      {f.profile() + swap + " --add-to-change C9 --write-project " + out, "(its changes: C1)"},
      {f.profile() + swap + " --add-to-change C1 --write-project " + out + " --outcome-id O1",
       "--outcome-id"},
      {f.profile() + swap + " --add-to-change C1 --write-project " + out + " --stakeholder X",
       "--stakeholder"},
      {f.profile() + swap + " --add-to-change C1 --write-project " + dir.file("out.eqv"),
       "ending .json"},
      {f.profile() + swap + " --add-to-change C1 --write-project " + out + " --duration 0",
       "--duration"},
      {f.profile() + " --swap-segments 3 --swap-share 20 --add-to-change C1 --write-project " + out,
       "between 0 and 1"},
      {f.profile() + swap + " --outcome-id X", "--add-to-change"},
  };
  for (const auto& [arguments, named] : cases) {
    const CliRun r = cli(dir, arguments);
    EXPECT_EQ(r.status, 2) << arguments << "\n" << r.out << r.err;
    EXPECT_TRUE(has(r.err, named)) << arguments << "\n" << r.err;
    EXPECT_FALSE(std::filesystem::exists(out)) << arguments;
    EXPECT_FALSE(std::filesystem::exists(out + ".part")) << arguments;
    EXPECT_FALSE(std::filesystem::exists(dir.file("out.eqv"))) << arguments;
  }
}

// The input project is replaced only when it is named as the output and --force is given.
TEST(AddToChange, InputReplacedOnlyWithForce) {
  TempDir dir;
  const Files f = write_inputs(dir);
  const std::string input_before = read(f.project);
  const std::string swap =
      " --swap-segments 3 --swap-share 0.5 --add-to-change C1 --write-project ";
  const CliRun refused = cli(dir, f.profile() + swap + f.project);
  EXPECT_EQ(refused.status, 2);
  EXPECT_TRUE(has(refused.err, "is the input project itself")) << refused.err;
  EXPECT_TRUE(has(refused.err, "--force")) << refused.err;
  EXPECT_EQ(read(f.project), input_before);

  const CliRun forced = cli(dir, f.profile() + swap + f.project + " --force");
  ASSERT_EQ(forced.status, 0) << forced.err;
  EXPECT_EQ(read_project(f.project).changes.at(0).sroi.outcomes.at(1).id, "SWAP1");
}

}  // namespace
}  // namespace eqv::profiling
