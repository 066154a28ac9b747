// The .eqv project file: round trip, edits and their audit rows, settings, migrations,
// locking and read-only views.
#include "test_support.hpp"

#include "../../src/storage/schema.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/core/fields.hpp"
#include "equivalue/storage/project_store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include <sys/stat.h>

#include <fstream>
#include <functional>
#include <map>

namespace eqv::storage {
namespace {

using test::ScratchDir;
using test::worked_example;

// Every example and test fixture that reads as a project: other fixtures are added over
// time, so they are found when the test runs.
std::vector<std::filesystem::path> project_fixtures() {
  std::vector<std::filesystem::path> files;
  for (const char* dir : {EQUIVALUE_EXAMPLES, EQUIVALUE_TEST_FIXTURES}) {
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
      if (entry.is_regular_file() && entry.path().extension() == ".json")
        files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(ProjectStore, RoundTripsEveryExampleAndFixtureExactly) {
  ScratchDir dir;
  int projects = 0;
  for (const auto& file : project_fixtures()) {
    SCOPED_TRACE(file.string());
    const JsonReadResult read = read_project_json(read_all(file.string()));
    if (!read.problems.empty()) continue;  // a fixture of deliberately unreadable JSON
    const std::string eqv = dir.file(file.stem().string() + std::to_string(projects) + ".eqv");
    ProjectStore::create(eqv, read.project);
    const Project back = load_project_file(eqv);
    EXPECT_TRUE(back == read.project);
    EXPECT_EQ(write_project_json(back), write_project_json(read.project));
    ++projects;
  }
  EXPECT_GE(projects, 2);  // at least the worked example and the shipped example
}

TEST(ProjectStore, KeepsFieldsTheExamplesLeaveOut) {
  Project p = worked_example();
  auto& o = p.changes[0].sroi.outcomes[0];
  o.type = ValueType::fiscal;
  o.agency = "NHS";
  o.cashable = true;
  o.proxy.unit = "person";
  o.proxy.evidence_grade = "B";
  o.ranges[Assumption::proxy] = {Decimal("800.5"), Decimal("1200"), Distribution::uniform};
  p.changes[0].sroi.discount.kind = DiscountKind::green_book;
  p.changes[0].sroi.optimism_bias = Decimal("0.15");
  p.project.deflators[2024] = Decimal("100.0");
  p.project.deflators[2026] = Decimal("104.37");
  p.project.eqia_additions = {"carers", "rurality"};
  p.project.channel_costs["face-to-face"] = Decimal("8.62");
  p.project.channel_costs["web"] = Decimal("0.15");
  p.project.rebase_proxies = false;
  p.project.deflator_series = "Northshire's own index";
  LibraryProxy own;
  own.id = "licensed-1";
  own.proxy = {
      Decimal("1850"), "Member of a social group", "person per year", "A licensed bank", 2014, "B"};
  own.type = ValueType::economic;
  own.agency = "council";
  own.source_table = "Table 3";
  own.source_url = "https://example.org/bank";
  own.licence = "Northshire Council's licence";
  p.proxy_library = {own, LibraryProxy{}};  // a draft row, not yet complete, is kept too
  auto& e = *p.changes[0].eqia;
  e.budget = Decimal("120000.00");
  e.impacts[0].data_gaps = {"No data on carers", "Survey too small"};
  e.impacts[0].residual.reset();
  e.history.push_back(
      {EqiaStatus::draft, EqiaStatus::submitted, "jo", "2026-05-01T10:00:00Z", "Ready"});
  e.decision.outcome = DecisionOutcome::none;
  e.version = 3;
  e.reference = "EQIA-7";
  e.directorate = "Communities";
  e.lead_officer = "Siân Ellis";  // text beyond ASCII
  e.proposal_type = "reduction";
  e.decision_date = "2027-02-15";
  e.decision_maker = "Cabinet";
  e.review_summary = "As expected";
  e.impacts[0].engagement = "Forum, March";
  e.impacts[0].actual_impact = "Smaller than feared";
  e.impacts[0].actual_rating = Rating::neutral;
  e.impacts[0].actual_evidence = "Complaints log, 2027";
  e.impacts[0].groups = {"65+", "0-15"};
  p.project.cumulative_threshold = 3;
  e.screening.push_back({"race", Relevance::not_sure, ""});
  p.changes[0].sroi.inputs.push_back({"S1", "Year two top-up", Decimal("0.01"), 2});
  p.changes[0].sroi.stakeholders.push_back({"", "No id yet", ""});  // a draft may lack an id
  p.segments.items[0].population = 9'000'000'000;
  ServiceChange bare;
  bare.id = "C2";
  bare.title = "No assessment yet";
  p.changes.push_back(bare);

  ScratchDir dir;
  ProjectStore::create(dir.file("p.eqv"), p);
  const Project back = load_project_file(dir.file("p.eqv"));
  EXPECT_TRUE(back == p);
  EXPECT_FALSE(back.changes[1].eqia.has_value());
  EXPECT_FALSE(back.changes[0].eqia->budget == std::nullopt);
  EXPECT_FALSE(back.changes[0].eqia->saving.has_value());
}

// The project file's rows are bound and read from the field registry: every field of every
// record, given a value, is read back with it. A field added to a registry table (with its
// column, by a migration) is therefore stored without any other change to the storage code.
template <typename R>
void each_field_is_stored(const eqv::Fields<R>& fields, const std::function<R&(Project&)>& at) {
  ASSERT_FALSE(fields.empty());
  ScratchDir dir;
  int n = 0;
  for (const auto& f : fields) {
    SCOPED_TRACE(f.name);
    Project p = worked_example();
    auto& e = p.changes[0].eqia ? *p.changes[0].eqia : p.changes[0].eqia.emplace();
    if (e.impacts.empty()) e.impacts.push_back({});
    if (e.screening.empty()) e.screening.push_back({"age", Relevance::yes, ""});
    e.actions.push_back({"Survey", "Jo", "2027-01-01", "open"});
    e.history.push_back(
        {EqiaStatus::draft, EqiaStatus::submitted, "jo", "2026-05-01T10:00:00Z", ""});
    if (p.changes[0].affected_segments.empty())
      p.changes[0].affected_segments.push_back({"E1", Decimal("0.5")});
    p.proxy_library.push_back({});
    p.changes[0].sroi.outcomes[0].ranges[Assumption::drop_off] = {Decimal("0.1"), Decimal("0.3"),
                                                                  Distribution::uniform};
    std::string value;
    if (!f.choices.empty())
      value = f.choices.back().value;
    else if (f.kind == eqv::FieldKind::decimal || f.kind == eqv::FieldKind::money)
      value = "0.375";
    else if (f.kind == eqv::FieldKind::whole)
      value = "7";
    else if (f.kind == eqv::FieldKind::flag)
      value = f.get(at(p)) == "true" ? "false" : "true";
    else if (f.kind == eqv::FieldKind::lines)
      value = "First\nSecond";
    else
      value = "Gwasanaeth ✓";
    ASSERT_TRUE(f.set(at(p), value));
    const std::string file = dir.file("f" + std::to_string(n++) + ".eqv");
    ProjectStore::create(file, p);
    Project back = load_project_file(file);
    EXPECT_EQ(f.get(at(back)), value);
    EXPECT_TRUE(back == p);
  }
}

TEST(ProjectStore, EveryRegistryFieldIsStored) {
  each_field_is_stored<ProjectSettings>(
      eqv::project_settings_fields(), [](Project & p) -> auto& { return p.project; });
  each_field_is_stored<ServiceChange>(
      eqv::change_fields(), [](Project & p) -> auto& { return p.changes[0]; });
  each_field_is_stored<Sroi>(
      eqv::sroi_fields(), [](Project & p) -> auto& { return p.changes[0].sroi; });
  each_field_is_stored<Stakeholder>(
      eqv::stakeholder_fields(),
      [](Project & p) -> auto& { return p.changes[0].sroi.stakeholders[0]; });
  each_field_is_stored<Input>(
      eqv::input_fields(), [](Project & p) -> auto& { return p.changes[0].sroi.inputs[0]; });
  each_field_is_stored<Outcome>(
      eqv::outcome_fields(), [](Project & p) -> auto& { return p.changes[0].sroi.outcomes[0]; });
  each_field_is_stored<Range>(
      eqv::range_fields(), [](Project & p) -> auto& {
        return p.changes[0].sroi.outcomes[0].ranges[Assumption::drop_off];
      });
  each_field_is_stored<AffectedSegment>(
      eqv::affected_segment_fields(),
      [](Project & p) -> auto& { return p.changes[0].affected_segments[0]; });
  each_field_is_stored<Segment>(
      eqv::segment_fields(), [](Project & p) -> auto& { return p.segments.items[0]; });
  each_field_is_stored<LibraryProxy>(
      eqv::library_proxy_fields(), [](Project & p) -> auto& { return p.proxy_library[0]; });
  each_field_is_stored<Eqia>(
      eqv::eqia_fields(), [](Project & p) -> auto& { return *p.changes[0].eqia; });
  each_field_is_stored<Screening>(
      eqv::screening_fields(),
      [](Project & p) -> auto& { return p.changes[0].eqia->screening[0]; });
  each_field_is_stored<Impact>(
      eqv::impact_fields(), [](Project & p) -> auto& { return p.changes[0].eqia->impacts[0]; });
  each_field_is_stored<Action>(
      eqv::action_fields(), [](Project & p) -> auto& { return p.changes[0].eqia->actions[0]; });
  each_field_is_stored<WorkflowEvent>(
      eqv::workflow_event_fields(),
      [](Project & p) -> auto& { return p.changes[0].eqia->history[0]; });
}

TEST(ProjectStore, EditsAreSavedAtOnceEachWithItsAuditRows) {
  ScratchDir dir;
  const std::string path = dir.file("edit.eqv");
  const Project original = worked_example();
  ProjectStore::create(path, original);

  Project expected = original;
  {
    auto store = ProjectStore::open(path);
    ASSERT_FALSE(store->read_only()) << store->read_only_reason();
    store->update([](Project& p) { p.changes[0].sroi.outcomes[0].deadweight = Decimal("0.25"); },
                  "Edit deadweight of O1");
    store->update([](Project& p) { p.changes[0].title = "Digital skills at every library"; },
                  "Rename C1");
    store->update(
        [](Project& p) {
          p.changes[0].eqia->actions.push_back(
              {"Publish the review", "Head of libraries", "2027-10-31", "open"});
        },
        "Add an action");
    store->update([](Project&) {}, "Nothing");  // no change: nothing written
    expected.changes[0].sroi.outcomes[0].deadweight = Decimal("0.25");
    expected.changes[0].title = "Digital skills at every library";
    expected.changes[0].eqia->actions.push_back(
        {"Publish the review", "Head of libraries", "2027-10-31", "open"});
    EXPECT_TRUE(store->project() == expected);
  }

  // Dumped again, the project is the original with exactly these edits.
  EXPECT_EQ(write_project_json(load_project_file(path)), write_project_json(expected));

  auto store = ProjectStore::open(path);
  const auto audit = store->audit();
  ASSERT_EQ(audit.size(),
            1u + 1u + 1u + 4u);  // created, deadweight, title, four fields of the action
  // Newest first.
  EXPECT_EQ(audit[6].what, "Create the project");
  EXPECT_EQ(audit[5].what, "Edit deadweight of O1");
  EXPECT_EQ(audit[5].record, "changes[C1].sroi.outcomes[O1]");
  EXPECT_EQ(audit[5].field, "deadweight");
  EXPECT_EQ(audit[5].old_value, "0.2");
  EXPECT_EQ(audit[5].new_value, "0.25");
  EXPECT_EQ(audit[4].record, "changes[C1]");
  EXPECT_EQ(audit[4].field, "title");
  EXPECT_EQ(audit[4].old_value, "Library digital skills programme");
  EXPECT_EQ(audit[4].new_value, "Digital skills at every library");
  std::map<std::string, std::string> action_fields;
  for (int i = 0; i < 4; ++i) {
    const auto& a = audit[static_cast<std::size_t>(i)];
    EXPECT_EQ(a.what, "Add an action");
    EXPECT_EQ(a.record, "changes[C1].eqia.actions[1]");
    EXPECT_EQ(a.old_value, "");
    action_fields[a.field] = a.new_value;
  }
  const std::map<std::string, std::string> expected_fields{{"description", "Publish the review"},
                                                           {"owner", "Head of libraries"},
                                                           {"due", "2027-10-31"},
                                                           {"status", "open"}};
  EXPECT_EQ(action_fields, expected_fields);
  for (const auto& a : audit) {
    EXPECT_FALSE(a.user.empty());
    EXPECT_EQ(a.when.size(), 20u) << a.when;  // 2026-11-22T11:34:15Z
    EXPECT_EQ(a.when.back(), 'Z');
  }
  EXPECT_EQ(store->audit(2).size(), 2u);
}

TEST(ProjectStore, AddsRemovesAndReordersServiceChanges) {
  ScratchDir dir;
  const std::string path = dir.file("changes.eqv");
  Project p = worked_example();
  ServiceChange c2;
  c2.id = "C2";
  c2.title = "Second";
  ServiceChange c3;
  c3.id = "C3";
  c3.title = "Third";
  auto store = ProjectStore::create(path, p);
  store->update([&](Project& x) { x.changes.push_back(c2); }, "Add C2");
  store->update([&](Project& x) { x.changes.push_back(c3); }, "Add C3");
  store->update([](Project& x) { std::swap(x.changes[0], x.changes[2]); }, "Move C3 first");
  store->update([](Project& x) { x.changes.erase(x.changes.begin() + 1); }, "Remove C2");
  const Project saved = store->project();
  ASSERT_EQ(saved.changes.size(), 2u);
  EXPECT_EQ(saved.changes[0].id, "C3");
  EXPECT_EQ(saved.changes[1].id, "C1");
  store.reset();
  EXPECT_TRUE(load_project_file(path) == saved);
  auto again = ProjectStore::open(path);
  bool title_removed = false;
  for (const auto& a : again->audit()) {
    if (a.what != "Remove C2") continue;
    EXPECT_EQ(a.record.rfind("changes[C2]", 0), 0u) << a.record;
    EXPECT_EQ(a.new_value, "");
    title_removed = title_removed ||
                    (a.record == "changes[C2]" && a.field == "title" && a.old_value == "Second");
  }
  EXPECT_TRUE(title_removed);
}

TEST(ProjectStore, ProjectSettingsAndSegmentsAreSavedAndAudited) {
  ScratchDir dir;
  const std::string path = dir.file("settings.eqv");
  auto store = ProjectStore::create(path, worked_example());
  store->update([](Project& p) { p.project.flag_ratio = Decimal("1.5"); }, "Flag ratio");
  store->update([](Project& p) { p.segments.items[0].population = 22000; }, "Population");
  store->set_setting("monte_carlo.draws", "5000");
  EXPECT_EQ(store->setting("monte_carlo.draws").value_or(""), "5000");
  EXPECT_FALSE(store->setting("nothing").has_value());
  store.reset();
  auto again = ProjectStore::open(path);
  EXPECT_EQ(again->project().project.flag_ratio, Decimal("1.5"));
  EXPECT_EQ(again->project().segments.items[0].population, 22000);
  EXPECT_EQ(again->setting("monte_carlo.draws").value_or(""), "5000");
  const auto audit = again->audit();
  EXPECT_EQ(audit[0].record, "settings");
  EXPECT_EQ(audit[0].field, "monte_carlo.draws");
  EXPECT_EQ(audit[1].record, "segments.items[1]");
  EXPECT_EQ(audit[1].field, "population");
  EXPECT_EQ(audit[1].old_value, "21000");
  EXPECT_EQ(audit[1].new_value, "22000");
  EXPECT_EQ(audit[2].record, "project");
  EXPECT_EQ(audit[2].field, "flag_ratio");
  EXPECT_EQ(again->integrity_check(), "ok");
}

// Schema version 3: joint characteristics are kept, and a change to them alone is saved
// and audited.
TEST(ProjectStore, JointCharacteristicsAreSavedAndAudited) {
  ScratchDir dir;
  const std::string path = dir.file("joint.eqv");
  auto store = ProjectStore::create(path, worked_example());
  store->update(
      [](Project& p) {
        p.segments.characteristics.push_back({"age x sex", {"65+ women", "other"}});
        p.segments.intersections["age x sex"] = {"age", "sex"};
      },
      "Joint groups");
  store.reset();
  auto again = ProjectStore::open(path);
  EXPECT_EQ(again->project().segments.intersections.at("age x sex"),
            (std::vector<std::string>{"age", "sex"}));
  bool audited = false;
  for (const auto& a : again->audit())
    audited = audited || (a.record == "segments.intersections" && a.field == "age x sex" &&
                          a.old_value.empty() && a.new_value == "age, sex");
  EXPECT_TRUE(audited);
}

TEST(ProjectStore, AFailedEditWritesNothing) {
  ScratchDir dir;
  auto store = ProjectStore::create(dir.file("f.eqv"), worked_example());
  EXPECT_THROW(store->update([](Project& p) {
    p.changes[0].title = "half done";
    throw std::runtime_error("the form was closed");
  }),
               std::runtime_error);
  EXPECT_EQ(store->project().changes[0].title, "Library digital skills programme");
  EXPECT_EQ(store->audit().size(), 1u);
}

TEST(ProjectStore, CreateRefusesAnExistingFile) {
  ScratchDir dir;
  const std::string path = dir.file("exists.eqv");
  std::ofstream(path) << "something";
  EXPECT_THROW(ProjectStore::create(path, worked_example()), InputError);
  EXPECT_EQ(read_all(path), "something");
  EXPECT_THROW(ProjectStore::create(dir.file("no-such-folder/p.eqv"), worked_example()),
               InputError);
}

TEST(ProjectStore, SecondEditorGetsAReadOnlyViewSayingWhoHasIt) {
  ScratchDir dir;
  const std::string path = dir.file("shared.eqv");
  auto first = ProjectStore::create(path, worked_example());
  auto second = ProjectStore::open(path);
  EXPECT_TRUE(second->read_only());
  EXPECT_NE(second->read_only_reason().find("has it open for editing"), std::string::npos)
      << second->read_only_reason();
  EXPECT_THROW(second->update([](Project& p) { p.changes[0].title = "x"; }), InputError);
  // The first editor carries on; when it closes, the next opener may edit.
  first->update([](Project& p) { p.changes[0].title = "Edited by the first"; });
  first.reset();
  auto third = ProjectStore::open(path);
  EXPECT_FALSE(third->read_only()) << third->read_only_reason();
  EXPECT_EQ(third->project().changes[0].title, "Edited by the first");
}

TEST(ProjectStore, AChangeBySomeoneElseIsNeverOverwritten) {
  ScratchDir dir;
  const std::string path = dir.file("stale.eqv");
  auto store = ProjectStore::create(path, worked_example());
  {
    // Another program changes the file behind the editor's back (a share without locks).
    SQLite::Database other(path, SQLite::OPEN_READWRITE);
    other.exec("UPDATE change SET title = 'Theirs'; UPDATE revision SET number = number + 1");
  }
  EXPECT_THROW(store->update([](Project& p) { p.changes[0].sroi.outcomes[0].quantity = 60; }),
               InputError);
  EXPECT_EQ(store->project().changes[0].title, "Theirs");  // reloaded
  store->update([](Project& p) { p.changes[0].sroi.outcomes[0].quantity = 60; });
  store.reset();
  const Project saved = load_project_file(path);
  EXPECT_EQ(saved.changes[0].title, "Theirs");
  EXPECT_EQ(saved.changes[0].sroi.outcomes[0].quantity, 60);
}

TEST(ProjectStore, ReadOnlyFileOpensReadOnlyAndSaysSo) {
  ScratchDir dir;
  const std::string path = dir.file("ro.eqv");
  ProjectStore::create(path, worked_example());
  ASSERT_EQ(::chmod(path.c_str(), 0444), 0);
  auto store = ProjectStore::open(path);
  EXPECT_TRUE(store->read_only());
  EXPECT_EQ(store->read_only_reason(), "the file is read-only");
  EXPECT_EQ(store->project().changes[0].id, "C1");
  EXPECT_THROW(store->update([](Project& p) { p.changes[0].title = "x"; }), InputError);
  EXPECT_FALSE(std::filesystem::exists(path + ".lock"));
}

TEST(ProjectStore, FileSettingsAreSafeForNetworkShares) {
  ScratchDir dir;
  const std::string path = dir.file("pragmas.eqv");
  ProjectStore::create(path, worked_example());
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "delete");
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), kSchemaVersion);
  EXPECT_EQ(
      db.execAndGet(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE '%STRICT'")
          .getInt(),
      0);
}

// Writes a file as the first version of Equivalue did (schema version 1).
void write_version_1(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  SQLite::Transaction tx(db);
  detail::migrate(db, 0, 1);
  db.exec("INSERT INTO project VALUES (1, 'Old project', 'england', 2025, 'GBP', 10, '1.2', '')");
  db.exec(
      "INSERT INTO change (position, code, title, discount_kind, discount_rate, "
      "first_year_discounted, "
      "optimism_bias) VALUES (0, 'C1', 'Old change', 'rate', '0.035', 1, '0')");
  tx.commit();
}

TEST(ProjectStore, OlderFileIsBackedUpThenUpgraded) {
  ScratchDir dir;
  const std::string path = dir.file("old.eqv");
  write_version_1(path);
  {
    auto store = ProjectStore::open(path);
    EXPECT_FALSE(store->read_only());
    EXPECT_EQ(store->project().changes.at(0).title, "Old change");
    store->set_setting("k", "v");  // the version 2 settings table now exists
    // Version 3: an older file is rebased with the shipped series, as a JSON file that does
    // not mention rebasing is, and has no library of its own.
    EXPECT_TRUE(store->project().project.rebase_proxies);
    EXPECT_EQ(store->project().project.deflator_series, "");
    EXPECT_TRUE(store->project().proxy_library.empty());
  }
  const std::string backup = dir.file("old.v1-backup.eqv");
  ASSERT_TRUE(std::filesystem::exists(backup));
  SQLite::Database copy(backup, SQLite::OPEN_READONLY);
  EXPECT_EQ(copy.execAndGet("PRAGMA user_version").getInt(), 1);
  SQLite::Database upgraded(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(upgraded.execAndGet("PRAGMA user_version").getInt(), kSchemaVersion);
}

TEST(ProjectStore, ReadingAnOlderFileNeverChangesIt) {
  ScratchDir dir;
  const std::string path = dir.file("old.eqv");
  write_version_1(path);
  EXPECT_EQ(load_project_file(path).project.name, "Old project");
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 1);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}),
            1);  // no backup either
}

TEST(ProjectStore, NewerFileIsRefusedClearly) {
  ScratchDir dir;
  const std::string path = dir.file("new.eqv");
  ProjectStore::create(path, worked_example());
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1));
  }
  try {
    ProjectStore::open(path);
    FAIL() << "opened a file from a newer version";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("newer version of Equivalue"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace eqv::storage
