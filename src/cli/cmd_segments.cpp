#include "cli.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/core/segments.hpp"
#include "equivalue/core/validation.hpp"
#include "equivalue/interchange/json_format.hpp"
#include "equivalue/interchange/templates.hpp"
#include "equivalue/storage/project_file.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

namespace eqv::cli {
namespace {

struct SegmentsArgs {
  std::string csv;
  std::string into;
  std::string out;
  std::string scheme;
};

int run_import(const SegmentsArgs& args) {
  Project project = load_project(args.into);
  if (!args.scheme.empty()) project.segments.scheme = args.scheme;
  // A scheme named after a shipped classification ("oac2021-group") checks codes and fills names.
  std::optional<SegmentClassification> classification;
  const std::vector<ClassifiedSegment>* known = nullptr;
  if (const auto parts = split_scheme_name(project.segments.scheme)) {
    const std::string& id = parts->first;
    const std::string& level = parts->second;
    // Otherwise the council's own scheme: codes as given.
    if (find_classification(id)) classification = load_classification(id);
    if (classification) {
      known = classification->level(level);
      if (!known) {
        std::string levels;
        for (const auto& [name, items] : classification->levels)
          levels += (levels.empty() ? "" : ", ") + name;
        throw InputError("the scheme \"" + project.segments.scheme + "\": " + classification->name +
                         " has no level \"" + level + "\" (levels: " + levels + ")");
      }
    }
  }
  const std::string text = storage::read_text_file(args.csv);
  SegmentImport imported = import_segments_csv(text, project.segments, known);
  if (!imported.problems.empty())
    refuse_file(args.csv, std::move(imported.problems), "nothing was written");
  const std::size_t count = imported.scheme.items.size();
  project.segments = std::move(imported.scheme);
  Problems problems = validate(project);
  if (!problems.empty())
    refuse_file(args.into, std::move(problems),
                "with the imported segments the project is not valid; nothing was written");
  write_output_file(args.out, write_project_json(project));
  std::cout << "Imported " << count << " segment" << (count == 1 ? "" : "s") << " from " << args.csv
            << " into " << args.out
            << (project.segments.scheme.empty() ? "" : " (scheme " + project.segments.scheme + ")")
            << "\n";
  if (classification) std::cout << classification->attribution << "\n";
  return 0;
}

}  // namespace

Command add_segments_command(CLI::App& app) {
  auto args = std::make_shared<SegmentsArgs>();
  auto* cmd = app.add_subcommand(
      "segments", "Segment schemes: import a council's segment populations and compositions");
  cmd->require_subcommand(1);
  auto* import =
      cmd->add_subcommand("import",
                          "Read segments from CSV (long: "
                          "segment,characteristic,category,share[,population][,name]; wide: "
                          "segment,population,age:0-15,...) into a project, written as JSON");
  import->add_option("CSV", args->csv, "The CSV file of segments")->required();
  import->add_option("--into", args->into, "The project to put them in (.json or .eqv)")
      ->required();
  import
      ->add_option("-o,--output", args->out, "Where to write the project with its segments (JSON)")
      ->required();
  import->add_option("--scheme", args->scheme,
                     "Scheme name, e.g. oac2021-supergroup, oac2021-group, oac2021-subgroup "
                     "(checks codes, fills names)");
  return [args] { return run_import(*args); };
}

}  // namespace eqv::cli
