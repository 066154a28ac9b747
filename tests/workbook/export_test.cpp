// Exporting: files appear only when complete, and bad requests fail clearly.
#include "equivalue/core/errors.hpp"
#include "equivalue/storage/project_file.hpp"
#include "equivalue/workbook/workbook.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace eqv::workbook {
namespace {

namespace fs = std::filesystem;

Project worked_example() {
  return storage::load_project_file(EQUIVALUE_TEST_FIXTURES "/worked_example.json");
}

fs::path temp_path(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("eqv-workbook-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

TEST(Export, ChangeWorkbookWritten) {
  const fs::path out = temp_path("c1.xlsx");
  ExportOptions options;
  options.calc.draws = 500;
  export_change_workbook(worked_example(), "C1", out.string(), options);
  EXPECT_TRUE(fs::exists(out));
  EXPECT_GT(fs::file_size(out), 5000u);
  EXPECT_FALSE(fs::exists(out.string() + ".part"));
}

TEST(Export, ProjectWorkbookWritten) {
  const fs::path out = temp_path("project.xlsx");
  export_project_workbook(worked_example(), out.string());
  EXPECT_TRUE(fs::exists(out));
}

TEST(Export, UnknownChangeIsAnInputError) {
  EXPECT_THROW(export_change_workbook(worked_example(), "C9", temp_path("c9.xlsx").string()),
               InputError);
}

TEST(Export, MissingFolderLeavesNothing) {
  const fs::path out = fs::temp_directory_path() / "eqv-no-such-folder" / "x.xlsx";
  EXPECT_THROW(export_project_workbook(worked_example(), out.string()), WorkbookError);
  EXPECT_FALSE(fs::exists(out));
}

TEST(Export, HashIsOfTheCanonicalJson) {
  const Project p = worked_example();
  EXPECT_EQ(project_hash(p).size(), 64u);
  EXPECT_EQ(project_hash(p), project_hash(worked_example()));
  Project changed = p;
  changed.changes[0].sroi.outcomes[0].quantity = 51;
  EXPECT_NE(project_hash(changed), project_hash(p));
}

}  // namespace
}  // namespace eqv::workbook
