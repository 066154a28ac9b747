#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli.hpp"
#include "equivalue/core/errors.hpp"
#include "equivalue/publish/pdf.hpp"
#include "equivalue/publish/publish.hpp"

namespace eqv::cli {
namespace {

struct PublishArgs {
  std::string file;
  std::string out;
  std::string pdf;
  std::string change;
  std::uint64_t seed = 20260401;
  int draws = 10000;
};

// Refuses an output name that cannot be written, before anything is worked out.
void check_output(const std::string& name, const std::string& extension, const char* what) {
  const std::filesystem::path out(name);
  if (out.extension() != extension)
    throw InputError(name + ": the " + what + "'s name must end in " + extension);
  const auto folder = out.has_parent_path() ? out.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec))
    throw InputError(name + ": the folder " + folder.string() +
                     " does not exist; create it or choose another");
  if (std::filesystem::is_directory(out, ec))
    throw InputError(name + ": this is a folder; give a file name ending " + extension);
}

int run_publish(const PublishArgs& args) {
  check_output(args.out, ".html", "document");
  if (!args.pdf.empty()) {
    check_output(args.pdf, ".pdf", "PDF");
    if (!publishing::find_chromium())
      throw InputError(
          args.pdf +
          ": cannot make a PDF because Chromium is not installed (Debian: sudo apt-get install "
          "chromium), or set EQUIVALUE_CHROMIUM to the browser program; or leave out --pdf");
  }
  const Project project = load_valid_project(args.file);
  if (!args.change.empty() && !project.find_change(args.change))
    throw InputError(args.file + ": no service change has the id \"" + args.change + "\"");
  publishing::PublishOptions options;
  options.calc.seed = args.seed;
  options.calc.draws = args.draws;
  const std::string html = args.change.empty()
                               ? publishing::round_document(project, options)
                               : publishing::change_document(project, args.change, options);
  publishing::write_document(html, args.out);
  const bool draft =
      args.change.empty() ? false : !publishing::is_final(*project.find_change(args.change));
  std::cout << args.out << ": "
            << (args.change.empty() ? "the round's document" : "document of " + args.change)
            << (draft ? " (marked draft: its assessment is not approved yet)" : "") << "\n";
  if (!args.pdf.empty()) {
    publishing::write_pdf(args.out, args.pdf);
    std::cout << args.pdf << ": PDF of the same document\n";
  }
  return 0;
}

}  // namespace

Command add_publish_command(CLI::App& app) {
  auto args = std::make_shared<PublishArgs>();
  auto* cmd = app.add_subcommand("publish",
                                 "Write the accessible document residents read (HTML, and a PDF "
                                 "with --pdf): the round's, or with "
                                 "--change one change's assessment and social value");
  cmd->add_option("FILE", args->file, "Project file (.json or .eqv)")->required();
  cmd->add_option("-o,--output", args->out, "Document to write (.html)")->required();
  cmd->add_option("--change", args->change, "Publish the service change with this id");
  cmd->add_option("--pdf", args->pdf, "Also print the document to this PDF (needs Chromium)");
  cmd->add_option("--seed", args->seed, "Monte Carlo seed (same seed, same results)");
  cmd->add_option("--draws", args->draws, "Monte Carlo draws (default 10000)")
      ->check(CLI::Range(1, 10'000'000));
  return [args] { return run_publish(*args); };
}

}  // namespace eqv::cli
