// Files that are not sound projects: each gives a clear message and nothing crashes, both
// through the library and through equivalue-cli (exit status 2).
#include "test_support.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/storage/project_store.hpp"

#include <SQLiteCpp/Database.h>

#include <sys/wait.h>

#include <fstream>

namespace eqv::storage {
namespace {

using test::ScratchDir;

std::string good_project(const ScratchDir& dir) {
  const std::string path = dir.file("good.eqv");
  ProjectStore::create(path, test::worked_example());
  return path;
}

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// The message InputError gives for opening `path`, both ways a project is opened.
std::string message_for(const std::string& path) {
  std::string load_message, open_message;
  try {
    load_project_file(path);
  } catch (const InputError& e) {
    load_message = e.what();
  }
  try {
    ProjectStore::open(path);
  } catch (const InputError& e) {
    open_message = e.what();
  }
  EXPECT_EQ(load_message, open_message);
  return load_message;
}

struct BadFiles : ::testing::Test {
  ScratchDir dir;
};

TEST_F(BadFiles, ZeroLength) {
  const std::string path = dir.file("empty.eqv");
  write_bytes(path, "");
  const std::string m = message_for(path);
  EXPECT_NE(m.find(path + ": the file is empty (0 bytes)"), std::string::npos) << m;
  EXPECT_EQ(std::filesystem::file_size(path), 0u);  // left as it was
}

TEST_F(BadFiles, TruncatedToWholePages) {
  const std::string good = good_project(dir);
  const std::string bytes = bytes_of(good);
  ASSERT_GT(bytes.size(), 8192u);
  const std::string path = dir.file("cut.eqv");
  write_bytes(path, bytes.substr(0, 4096));
  const std::string m = message_for(path);
  EXPECT_NE(m.find("the project file is cut short"), std::string::npos) << m;
}

TEST_F(BadFiles, TruncatedMidPage) {
  const std::string bytes = bytes_of(good_project(dir));
  const std::string path = dir.file("cut.eqv");
  write_bytes(path, bytes.substr(0, bytes.size() - 1000));
  EXPECT_NE(message_for(path).find("cut short"), std::string::npos);
  write_bytes(path, bytes.substr(0, 50));
  EXPECT_NE(message_for(path).find("cut short"), std::string::npos);
}

TEST_F(BadFiles, Corrupted) {
  std::string bytes = bytes_of(good_project(dir));
  // Scribble over the second and third pages, where the tables begin.
  for (std::size_t i = 4096; i < 3 * 4096 && i < bytes.size(); ++i)
    bytes[i] = static_cast<char>(0xA5 ^ (i & 0xFF));
  const std::string path = dir.file("scribbled.eqv");
  write_bytes(path, bytes);
  const std::string m = message_for(path);
  EXPECT_NE(m.find("damaged"), std::string::npos) << m;
}

TEST_F(BadFiles, NotSqlite) {
  const std::string path = dir.file("letter.eqv");
  write_bytes(path, "Dear colleague,\nplease find the figures attached.\n");
  const std::string m = message_for(path);
  EXPECT_NE(m.find("this is not an Equivalue project file (.eqv)"), std::string::npos) << m;
  // JSON with the wrong name is still not read as a project file.
  write_bytes(path, bytes_of(test::fixture("worked_example.json")));
  EXPECT_NE(message_for(path).find("not an Equivalue project file"), std::string::npos);
}

TEST_F(BadFiles, OtherProgramsDatabase) {
  const std::string path = dir.file("other.eqv");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE t (x)");
  }
  EXPECT_NE(message_for(path).find("made by another program"), std::string::npos);
}

TEST_F(BadFiles, Directory) {
  const std::string path = dir.file("folder.eqv");
  std::filesystem::create_directory(path);
  EXPECT_NE(message_for(path).find("this is a folder"), std::string::npos);
}

TEST_F(BadFiles, Missing) {
  EXPECT_NE(message_for(dir.file("nothing.eqv")).find("no such file"), std::string::npos);
}

TEST_F(BadFiles, ProjectRenamedJsonStillOpens) {
  const std::string path = dir.file("renamed.json");
  std::filesystem::copy_file(good_project(dir), path);
  EXPECT_EQ(load_project_file(path).changes.at(0).id, "C1");
}

// ------------------------------------------------------------------- through the CLI

struct CliRun {
  int status = -1;
  std::string out, err;
};

CliRun run_cli(const ScratchDir& dir, const std::string& arguments) {
  const std::string out = dir.file("stdout.txt"), err = dir.file("stderr.txt");
  const std::string command =
      std::string("'") + EQUIVALUE_CLI + "' " + arguments + " >'" + out + "' 2>'" + err + "'";
  const int raw = std::system(command.c_str());
  CliRun run;
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  run.out = bytes_of(out);
  run.err = bytes_of(err);
  return run;
}

TEST_F(BadFiles, CliExitsWithStatus2AndAClearMessageForEach) {
  const std::string bytes = bytes_of(good_project(dir));
  write_bytes(dir.file("empty.eqv"), "");
  write_bytes(dir.file("cut.eqv"), bytes.substr(0, 4096));
  std::string scribbled = bytes;
  for (std::size_t i = 4096; i < 3 * 4096; ++i) scribbled[i] = static_cast<char>(0x5A);
  write_bytes(dir.file("scribbled.eqv"), scribbled);
  write_bytes(dir.file("letter.eqv"), "not a project");
  std::filesystem::create_directory(dir.file("folder.eqv"));
  const std::pair<const char*, const char*> cases[] = {
      {"empty.eqv", "the file is empty"}, {"cut.eqv", "cut short"},
      {"scribbled.eqv", "damaged"},       {"letter.eqv", "not an Equivalue project file"},
      {"folder.eqv", "this is a folder"},
  };
  for (const auto& [name, words] : cases) {
    for (const char* command : {"validate", "calc", "dump"}) {
      SCOPED_TRACE(std::string(command) + " " + name);
      const CliRun run = run_cli(dir, std::string(command) + " '" + dir.file(name) + "'");
      EXPECT_EQ(run.status, 2);
      EXPECT_NE(run.err.find(dir.file(name)), std::string::npos) << run.err;
      EXPECT_NE(run.err.find(words), std::string::npos) << run.err;
      EXPECT_EQ(run.out, "");
    }
  }
}

TEST_F(BadFiles, CliImportAndDumpRoundTrip) {
  const std::string json = test::fixture("worked_example.json");
  const std::string eqv = dir.file("imported.eqv");
  CliRun run = run_cli(dir, "import '" + json + "' -o '" + eqv + "'");
  ASSERT_EQ(run.status, 0) << run.err;
  run = run_cli(dir, "dump '" + eqv + "'");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, write_project_json(test::worked_example()));
  // validate and calc read the project file too.
  EXPECT_EQ(run_cli(dir, "validate '" + eqv + "'").status, 0);
  run = run_cli(dir, "calc '" + eqv + "' --json --draws 100");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("\"C1\""), std::string::npos);

  // An existing file is kept unless --force is given.
  const std::string before = bytes_of(eqv);
  run = run_cli(dir, "import '" + json + "' -o '" + eqv + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("already exists"), std::string::npos) << run.err;
  EXPECT_EQ(bytes_of(eqv), before);
  {
    auto editing = ProjectStore::open(eqv);  // someone has it open: not even --force replaces it
    ASSERT_FALSE(editing->read_only());
    run = run_cli(dir, "import '" + json + "' -o '" + eqv + "' --force");
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find("has it open for editing"), std::string::npos) << run.err;
    EXPECT_EQ(bytes_of(eqv), before);
  }
  EXPECT_EQ(run_cli(dir, "import '" + json + "' -o '" + eqv + "' --force").status, 0);

  // A failed import leaves nothing behind.
  write_bytes(dir.file("bad.json"), "{\"format\": \"equivalue/1\", \"project\": ");
  run = run_cli(dir, "import '" + dir.file("bad.json") + "' -o '" + dir.file("never.eqv") + "'");
  EXPECT_EQ(run.status, 2);
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    EXPECT_EQ(entry.path().filename().string().find("never"), std::string::npos) << entry.path();
  run = run_cli(dir, "import '" + json + "' -o '" + dir.file("no-such-folder/p.eqv") + "'");
  EXPECT_EQ(run.status, 2) << run.err;
}

}  // namespace
}  // namespace eqv::storage
