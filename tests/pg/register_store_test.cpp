// The register's store against the test server: per-record versions, other clients'
// edits arriving through LISTEN/NOTIFY, roles, and the server going away mid-session.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

#include "equivalue/core/errors.hpp"
#include "equivalue/storage/store.hpp"

namespace {

using eqv::Project;
using eqv::storage::open_store;
using eqv::storage::StaleEdit;

const std::string kDir = std::getenv("EQV_PG_DIR") ? std::getenv("EQV_PG_DIR") : "";
const std::string kCli = std::getenv("EQV_CLI") ? std::getenv("EQV_CLI") : "";
const std::string kExample = std::getenv("EQV_EXAMPLE") ? std::getenv("EQV_EXAMPLE") : "";
const std::string kScripts = EQV_PG_SCRIPTS;
constexpr const char* kDb = "store_test";

std::string addr(const std::string& login, const std::string& project = "ns") {
  return "postgresql:///" + std::string(kDb) + "?host=" + kDir + "&user=" + login +
         "&password=" + login + "&project=" + project;
}

int sh(const std::string& command) {
  return std::system(("{ " + command + "; } >/dev/null 2>&1").c_str());
}

std::string su_sql(const std::string& sql) {
  return "/usr/lib/postgresql/15/bin/psql -X -q -At -h " + kDir + " -U postgres -d " + kDb +
         " -c \"" + sql + "\"";
}

void set_title(eqv::storage::Store& store, const std::string& ref, const std::string& title) {
  store.update(
      [&](Project& p) {
        for (auto& c : p.changes)
          if (c.id == ref) c.title = title;
      },
      "Edit title of " + ref);
}

class RegisterStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_FALSE(kDir.empty()) << "EQV_PG_DIR is not set";
    const std::string su = "postgresql:///" + std::string(kDb) + "?host=" + kDir + "&user=postgres";
    sh("/usr/lib/postgresql/15/bin/psql -X -h " + kDir +
       " -U postgres -d postgres -c \"DROP DATABASE IF EXISTS " + kDb +
       " WITH (FORCE)\" -c \"CREATE DATABASE " + kDb + "\"");
    ASSERT_EQ(sh(kCli + " server init \"" + su + "\""), 0);
    ASSERT_EQ(sh(kCli + " server grant \"" + su + "\" admin1 admin"), 0);
    for (const char* grant : {"lead1 lead", "lead2 lead", "officer1 officer", "finance1 finance"})
      ASSERT_EQ(sh(kCli + " server grant \"" + addr("admin1") + "\" " + grant), 0);
    ASSERT_EQ(sh(kCli + " import " + kExample + " -o \"" + addr("admin1") + "\""), 0);
  }
};

TEST_F(RegisterStore, KnowsWhoIsSignedInAndInWhichRoles) {
  auto lead = open_store(addr("lead1"));
  EXPECT_EQ(lead->identity().describe(), "lead1 (lead)");
  EXPECT_FALSE(lead->read_only());
  auto officer = open_store(addr("officer1"));
  EXPECT_EQ(officer->identity().describe(), "officer1 (officer)");
  EXPECT_TRUE(officer->read_only());
  EXPECT_THROW(set_title(*officer, "C3", "not allowed"), eqv::InputError);
  ASSERT_EQ(lead->project().changes.size(), 3u);
  EXPECT_EQ(lead->project().changes[1].eqia->status, eqv::EqiaStatus::submitted);
}

TEST_F(RegisterStore, AnEditOnAStaleVersionIsRefusedNamingWhoChangedWhatAndWhen) {
  auto mine = open_store(addr("lead1"));
  auto theirs = open_store(addr("lead2"));
  set_title(*theirs, "C3", "Council tax online, revised");
  try {
    set_title(*mine, "C3", "My title");
    FAIL() << "a stale edit was saved";
  } catch (const StaleEdit& e) {
    const std::string message = e.what();
    EXPECT_NE(
        message.find("Service change C3 (Council tax online, revised) was changed by lead2 at "),
        std::string::npos)
        << message;
    EXPECT_NE(message.find("(Edit title of C3)"), std::string::npos) << message;
    EXPECT_EQ(e.change(), 2);
    EXPECT_EQ(e.mine().changes[2].title, "My title");
    EXPECT_EQ(e.theirs().changes[2].title, "Council tax online, revised");
  }
  // The store now shows their version, so the same edit made again is saved.
  EXPECT_EQ(mine->project().changes[2].title, "Council tax online, revised");
  set_title(*mine, "C3", "My title");
  EXPECT_EQ(open_store(addr("lead2"))->project().changes[2].title, "My title");
}

TEST_F(RegisterStore, EditsToDifferentRecordsDoNotConflict) {
  auto a = open_store(addr("lead1"));
  auto b = open_store(addr("lead2"));
  set_title(*a, "C1", "Library skills (A)");
  set_title(*b, "C3", "Council tax (B)");  // b never saw a's edit: C3 is a different record
  const auto fresh = open_store(addr("finance1"));
  EXPECT_EQ(fresh->project().changes[0].title, "Library skills (A)");
  EXPECT_EQ(fresh->project().changes[2].title, "Council tax (B)");
}

// The register keeps the project's settings as interchange JSON: the deflator settings and
// the project's own proxy library travel with them.
TEST_F(RegisterStore, KeepsTheProjectsOwnLibraryAndDeflatorSettings) {
  auto lead = open_store(addr("lead1"));
  eqv::LibraryProxy own;
  own.id = "licensed-1";
  own.proxy = {eqv::Decimal("1850.25"),
               "Member of a social group",
               "person per year",
               "A licensed bank",
               2014,
               "B"};
  own.type = eqv::ValueType::fiscal;
  own.agency = "NHS";
  own.source_table = "Table 3";
  own.source_url = "https://example.org/bank";
  own.licence = "Northshire Council's licence";
  lead->update(
      [&](Project& p) {
        p.proxy_library.push_back(own);
        p.project.deflator_series = "Northshire's own index";
        p.project.rebase_proxies = false;
      },
      "Import a licensed library");
  const auto fresh = open_store(addr("finance1"));
  ASSERT_EQ(fresh->project().proxy_library.size(), 1u);
  EXPECT_TRUE(fresh->project().proxy_library[0] == own);
  EXPECT_EQ(fresh->project().project.deflator_series, "Northshire's own index");
  EXPECT_FALSE(fresh->project().project.rebase_proxies);
  lead->update([](Project& p) { p.project.rebase_proxies = true; }, "Rebase again");
  EXPECT_TRUE(open_store(addr("finance1"))->project().project.rebase_proxies);
}

TEST_F(RegisterStore, OtherClientsEditsArriveWithinOneSecond) {
  auto watcher = open_store(addr("finance1"));
  auto editor = open_store(addr("lead2"));
  EXPECT_FALSE(watcher->refresh());
  set_title(*editor, "C1", "Seen elsewhere");
  const auto start = std::chrono::steady_clock::now();
  bool seen = false;
  while (!seen && std::chrono::steady_clock::now() - start < std::chrono::seconds(1)) {
    seen = watcher->refresh();
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(seen);
  EXPECT_EQ(watcher->project().changes[0].title, "Seen elsewhere");
}

TEST_F(RegisterStore, ConnectionCutByTheServerIsReconnectedAndTheEditSaved) {
  auto store = open_store(addr("lead1"));
  ASSERT_EQ(
      sh(su_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'lead1'")),
      0);
  set_title(*store, "C1", "After the cut");
  EXPECT_EQ(open_store(addr("lead2"))->project().changes[0].title, "After the cut");
}

TEST_F(RegisterStore, ServerRestartedMidSessionLosesNothingCommitted) {
  auto store = open_store(addr("lead1"));
  set_title(*store, "C1", "Before the restart");
  ASSERT_EQ(sh("bash " + kScripts + "/pg_server.sh restart " + kDir), 0);
  set_title(*store, "C3", "After the restart");  // the edit in flight is retried once
  auto fresh = open_store(addr("lead2"));
  EXPECT_EQ(fresh->project().changes[0].title, "Before the restart");
  EXPECT_EQ(fresh->project().changes[2].title, "After the restart");
  EXPECT_FALSE(store->refresh());
}

TEST_F(RegisterStore, ServerGoneForGoodIsAClearRefusal) {
  auto store = open_store("postgresql:///" + std::string(kDb) + "?host=" + kDir +
                          "&user=lead1&password=lead1&connect_timeout=2&project=ns");
  ASSERT_EQ(
      sh(su_sql("ALTER ROLE lead1 NOLOGIN") + " && " +
         su_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'lead1'")),
      0);
  try {
    set_title(*store, "C1", "Never saved");
    ADD_FAILURE() << "an edit was saved with the login refused";
  } catch (const eqv::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot connect"), std::string::npos) << e.what();
  }
  sh(su_sql("ALTER ROLE lead1 LOGIN"));
  EXPECT_NE(open_store(addr("lead2"))->project().changes[0].title, "Never saved");
}

}  // namespace
