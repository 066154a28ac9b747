#include "cli.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/core/segments.hpp"
#include "equivalue/core/validation.hpp"
#include "equivalue/interchange/json_format.hpp"
#include "equivalue/interchange/templates.hpp"
#include "equivalue/profiling/census.hpp"
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

struct BuildArgs {
  std::string oac;
  std::string census;
  std::vector<std::string> areas;
  std::string lookup;
  std::string level = "supergroup";
  std::string bands;
  std::string into;
  std::string out;
  int threads = 2;
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

// The band template: --bands, else census/bands.csv in the first template folder that has one.
std::string census_bands_path(const std::string& given) {
  if (!given.empty()) return given;
  return profiling::find_census_bands();
}

int run_build(const BuildArgs& args) {
  Project project = storage::load_project_file(args.into);
  const auto level = profiling::segment_level_from_name(args.level);
  if (!level || *level == profiling::SegmentLevel::automatic)
    throw InputError("--level \"" + args.level + "\": choose supergroup, group or subgroup");
  const SegmentClassification classification = load_classification("oac2021");
  profiling::CensusBuildOptions options;
  options.oac_file = args.oac;
  options.census_dir = args.census;
  options.areas = args.areas;
  options.area_lookup = args.lookup;
  options.level = *level;
  options.bands = profiling::load_census_bands(census_bands_path(args.bands));
  options.known_segments = classification.level(args.level);
  options.scheme_name = classification.id + "-" + args.level;
  options.threads = std::max(1, args.threads);
  profiling::CensusBuild built = profiling::build_census_segments(options);
  const std::size_t count = built.scheme.items.size();
  project.segments = std::move(built.scheme);
  Problems problems = validate(project);
  if (!problems.empty())
    refuse_file(
        args.into, std::move(problems),
        "with the segments built from the Census the project is not valid; nothing was written");
  write_output_file(args.out, write_project_json(project));
  std::cout << "Built " << count << " segment profile" << (count == 1 ? "" : "s") << " ("
            << project.segments.scheme << ") from " << built.areas << " output area"
            << (built.areas == 1 ? "" : "s") << " into " << args.out << "\n";
  for (const auto& note : built.notes) std::cout << "Note: " << note << "\n";
  std::cout << classification.attribution
            << " Census 2021 data: Office for National Statistics, NOMIS, Open "
               "Government Licence v3.0.\n";
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
  auto build_args = std::make_shared<BuildArgs>();
  auto* build = cmd->add_subcommand("build",
                                    "Build segment profiles from the 2021 Census output-area "
                                    "tables (NOMIS bulk files) and the Output "
                                    "Area Classification lookup, written into a project as JSON");
  build
      ->add_option("--oac", build_args->oac,
                   "The OAC lookup (oa21cd, supergroup, group, subgroup; oac21ew.csv)")
      ->required();
  build->add_option("--census", build_args->census, "The folder of census2021-<table>-oa.csv files")
      ->required();
  build->add_option("--area", build_args->areas,
                    "Local authority codes (E06000001, with --lookup) or output area codes to "
                    "keep; all when absent");
  build->add_option("--lookup", build_args->lookup,
                    "Output area -> local authority lookup (oa21cd, lad22cd)");
  build->add_option("--level", build_args->level, "supergroup (default), group or subgroup");
  build->add_option("--bands", build_args->bands,
                    "Band template (default: templates/census/bands.csv)");
  build->add_option("--into", build_args->into, "The project to put them in (.json or .eqv)")
      ->required();
  build
      ->add_option("-o,--output", build_args->out,
                   "Where to write the project with its segments (JSON)")
      ->required();
  build->add_option("--threads", build_args->threads, "Threads reading each file (default 2)");
  return [args, build_args, build] {
    if (build->parsed()) return run_build(*build_args);
    return run_import(*args);
  };
}

}  // namespace eqv::cli
