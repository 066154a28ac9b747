// equivalue-cli profile: customer profiling and channel swap (method.md sections 4 and 5).
// With --add-to-change and --write-project the swap's yearly saving becomes a fiscal outcome
// of a service change, and its digital-exclusion prompt goes to that change's EqIA while the
// assessment can still be edited; the whole project is validated before a copy is written.
#include "cli.hpp"

#include "equivalue/core/text.hpp"
#include "equivalue/core/errors.hpp"
#include "equivalue/core/segments.hpp"
#include "equivalue/core/sroi.hpp"
#include "equivalue/core/validation.hpp"
#include "equivalue/interchange/json_format.hpp"
#include "equivalue/interchange/templates.hpp"
#include "equivalue/profiling/channel_swap.hpp"
#include "equivalue/profiling/profile.hpp"
#include "equivalue/profiling/profile_output.hpp"
#include "equivalue/storage/project_file.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

namespace eqv::cli {
namespace {

struct ProfileArgs {
  std::string transactions;
  std::vector<std::string> lookups;
  std::string segments;
  bool json = false;
  bool publish = false;
  std::string output;
  profiling::TransactionColumns columns;
  bool match_by_area = false;
  std::string level = "automatic";
  std::string segment_column;
  std::string service;
  std::string channel_costs;
  int threshold = 0;  // 0 = the project's
  int threads = 2;
  std::vector<std::string> swap_segments;
  std::vector<std::string> swap_from = {profiling::kFaceToFace, profiling::kTelephone};
  std::string swap_share;  // empty = not given (no contacts move)
  std::string period_days = "365";
  // Adding the swap to a service change of the project.
  std::string add_to_change;
  std::string write_project;
  std::string outcome_id;   // empty = SWAP1, SWAP2, ... the first one free
  std::string stakeholder;  // empty = the change's council stakeholder, made when missing
  int duration = 1;
  bool force = false;
};

bool is_csv(const std::string& path) {
  return lower_case(std::filesystem::path(path).extension().string()) == ".csv";
}

// The project (segments, settings and its own channel prices) or, for a segments CSV, a
// project holding just those segments with the default settings.
Project load_segments(const std::string& path) {
  Project project;
  if (is_csv(path)) {
    SegmentImport imported = import_segments_csv(storage::read_text_file(path), SegmentScheme{});
    if (!imported.problems.empty()) {
      Problems located;
      for (const auto& p : imported.problems) located.push_back({path + ": " + p.path, p.message});
      throw InputError(path + ": cannot be read as segments", std::move(located));
    }
    project.segments = std::move(imported.scheme);
  } else {
    project = load_project(path);
  }
  if (project.segments.items.empty())
    throw InputError(
        path +
        ": has no segments; the profile compares transactions with the segments' populations");
  return project;
}

Decimal decimal_option(const std::string& text, const char* option) {
  const auto v = parse_decimal(text);
  if (!v) throw InputError(std::string(option) + ": \"" + text + "\" is not a number");
  return *v;
}

std::string ratio_text(const std::optional<Decimal>& ratio) {
  return ratio ? to_fixed(*ratio, kRatioPlaces) + " : 1" : "n/a (the change has no inputs)";
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec) && !ec;
}

// Refuses every misuse of --add-to-change / --write-project before any file is read, so a
// mistake costs nothing and writes nothing.
void check_add_options(const ProfileArgs& args) {
  const bool adding = !args.add_to_change.empty() || !args.write_project.empty();
  if (!adding) {
    if (!args.outcome_id.empty() || !args.stakeholder.empty() || args.duration != 1 || args.force)
      throw InputError(
          "--outcome-id, --stakeholder, --duration and --force only apply when adding the channel "
          "swap "
          "to a service change: give --add-to-change ID and --write-project OUT.json too");
    return;
  }
  if (args.add_to_change.empty())
    throw InputError(
        "--write-project needs --add-to-change ID: say which service change the channel-swap "
        "saving "
        "is added to");
  if (args.write_project.empty())
    throw InputError(
        "--add-to-change needs --write-project OUT.json: the project with the new outcome is "
        "written "
        "there (the input file is left as it is)");
  if (args.swap_segments.empty() || args.swap_share.empty())
    throw InputError(
        "--add-to-change needs a channel swap to add: give --swap-segments (e.g. 1,8) and "
        "--swap-share "
        "(e.g. 0.2)");
  if (is_csv(args.segments))
    throw InputError(
        "--add-to-change needs --segments to name the project (.json or .eqv) that holds the "
        "service "
        "change; " +
        args.segments + " is a segments CSV, which has no service changes");
  if (lower_case(std::filesystem::path(args.write_project).extension().string()) != ".json")
    throw InputError("--write-project " + args.write_project +
                     ": the project is written as equivalue/1 JSON, so "
                     "give a name ending .json (make an .eqv from it with `equivalue-cli import`)");
  if (std::filesystem::exists(args.write_project) && !args.force) {
    if (same_file(args.write_project, args.segments))
      throw InputError("--write-project " + args.write_project +
                       " is the input project itself; give another file "
                       "name, or add --force to replace the input");
    throw InputError("--write-project " + args.write_project +
                     " already exists; give another file name, or add "
                     "--force to replace it");
  }
}

// Writes beside the target under a temporary name; the caller renames it into place.
std::string write_temp(const std::string& path, const std::string& text) {
  const std::string temp = path + ".part";
  std::ofstream out(temp, std::ios::binary | std::ios::trunc);
  if (!out)
    throw InputError("--write-project " + path +
                     ": cannot be written; check the folder exists and can be written to");
  out << text;
  out.flush();
  if (!out) {
    out.close();
    std::remove(temp.c_str());
    throw std::runtime_error(path + ": writing failed (disk full?)");
  }
  return temp;
}

struct AddedSwap {
  Project project;  // the whole project with the outcome added
  profiling::AddedSaving saving;
  std::optional<Decimal> ratio_before, ratio_after;
  Decimal pv_before = 0, pv_after = 0;
};

// The command line's option for each input the profiling library names (FieldError).
std::string option_for(const std::string& field) {
  static const std::map<std::string, std::string> options{
      {"outcome_id", "--outcome-id"},
      {"stakeholder", "--stakeholder"},
      {"duration", "--duration"},
      {"change", "--add-to-change"},
      {"lookup", "--lookup"},
      {"channel_column", "--channel-column"},
      {"location_column", "--postcode-column or --area-column"},
      {"service_column", "--service-column"},
      {"segment_column", "--segment-column"},
      {"channel_costs", "--channel-costs"},
      {"swap_share", "--swap-share"},
      {"period_days", "--period-days"},
      {"swap_segments", "--swap-segments"},
      {"swap_from", "--swap-from"}};
  const auto it = options.find(field);
  return it == options.end() ? field : it->second;
}

AddedSwap add_swap_to_change(const Project& input, const ProfileArgs& args,
                             const profiling::ChannelSwapResult& swap) {
  AddedSwap added;
  added.project = input;
  auto change = std::find_if(added.project.changes.begin(), added.project.changes.end(),
                             [&](const ServiceChange& c) { return c.id == args.add_to_change; });
  if (change == added.project.changes.end())  // checked before the transactions were read
    throw InputError("--add-to-change: no service change has the id \"" + args.add_to_change +
                     "\"");
  const std::size_t index = static_cast<std::size_t>(change - added.project.changes.begin());
  const ProjectSettings& settings = added.project.project;
  const SroiResult before = calculate_core(change->sroi, settings);
  added.ratio_before = before.ratio;
  added.pv_before = before.present_value;

  profiling::SavingDestination destination{args.outcome_id, args.stakeholder, args.duration};
  added.saving = profiling::add_saving_to_change(added.project, index, swap, destination,
                                                 cached_eqia_template(settings.jurisdiction));
  const SroiResult after = calculate_core(added.project.changes[index].sroi, settings);
  added.ratio_after = after.ratio;
  added.pv_after = after.present_value;

  Problems problems = validate(added.project);
  if (!problems.empty()) {
    for (auto& p : problems)
      p.path = p.path.empty() ? args.write_project : args.write_project + ": " + p.path;
    const std::string message = "the project with the channel swap added has " +
                                std::to_string(problems.size()) +
                                " problem(s) to put right; nothing was written";
    throw InputError(message, std::move(problems));
  }
  return added;
}

void print_added(std::ostream& out, const AddedSwap& added,
                 const profiling::ChannelSwapResult& swap, const ProfileArgs& args) {
  out << "\nChannel swap added to service change " << args.add_to_change << "\n";
  out << "  Saving per year             £" << to_grouped(swap.yearly_saving, kMoneyPlaces) << "\n";
  out << "  Outcome added               " << added.saving.outcome_id << " (fiscal, cashable: 1 x £"
      << to_grouped(added.saving.proxy, kMoneyPlaces) << " a year for " << args.duration
      << (args.duration == 1 ? " year" : " years") << ")\n";
  out << "  Stakeholder                 " << added.saving.stakeholder
      << (added.saving.stakeholder_created ? " (added)" : "") << "\n";
  out << "  Present value before        £" << to_grouped(added.pv_before, kMoneyPlaces) << "\n";
  out << "  Present value after         £" << to_grouped(added.pv_after, kMoneyPlaces) << "\n";
  out << "  SROI ratio before           " << ratio_text(added.ratio_before) << "\n";
  out << "  SROI ratio after            " << ratio_text(added.ratio_after) << "\n";
  if (swap.exclusion_prompt) out << swap.prompt << "\n" << added.saving.eqia_note << "\n";
  out << "Wrote " << args.write_project
      << ". The new outcome has no deadweight, displacement or attribution "
      << "yet: set them before relying on the ratio.\n";
}

// A project that is already wrong, or has no such change, is refused before the
// transactions are read.
void check_project_for_adding(const Project& project, const ProfileArgs& args) {
  Problems problems = validate(project);
  if (!problems.empty()) {
    for (auto& p : problems)
      p.path = p.path.empty() ? args.segments : args.segments + ": " + p.path;
    const std::string message =
        args.segments + ": " + std::to_string(problems.size()) +
        " problem(s) to put right before a channel swap can be added; nothing was written";
    throw InputError(message, std::move(problems));
  }
  if (!project.find_change(args.add_to_change)) {
    std::string ids;
    for (const auto& c : project.changes) ids += (ids.empty() ? "" : ", ") + c.id;
    throw InputError("--add-to-change: " + args.segments + " has no service change with the id \"" +
                     args.add_to_change + "\"" +
                     (ids.empty() ? std::string(" (it has no service changes)")
                                  : " (its changes: " + ids + ")"));
  }
}

profiling::ProfileResult make_profile(const Project& project, const ProfileArgs& args,
                                      const profiling::ChannelCosts& costs) {
  profiling::LookupOptions lookup_options;
  const auto level = profiling::segment_level_from_name(args.level);
  if (!level) throw InputError("--level: choose supergroup, group, subgroup or automatic");
  lookup_options.level = *level;
  lookup_options.segment_column = args.segment_column;
  lookup_options.threads = args.threads;
  const profiling::AreaLookup lookup =
      profiling::load_lookups(args.lookups, project.segments, lookup_options);

  profiling::ProfileOptions options;
  options.columns = args.columns;
  options.match_by_area = args.match_by_area;
  options.service = args.service;
  options.threads = args.threads;
  return profiling::profile_transactions(args.transactions, lookup, project.segments, costs,
                                         options);
}

std::optional<profiling::ChannelSwapResult> make_swap(const Project& project,
                                                      const ProfileArgs& args,
                                                      const profiling::ProfileResult& profile,
                                                      const profiling::ChannelCosts& costs) {
  if (args.swap_segments.empty()) return std::nullopt;
  profiling::ChannelSwap s;
  s.segments = args.swap_segments;
  s.from = args.swap_from;
  s.share = decimal_option(args.swap_share.empty() ? "0" : args.swap_share, "--swap-share");
  s.period_days = decimal_option(args.period_days, "--period-days");
  return profiling::channel_swap(profile, costs, project.segments, s, project.project.flag_ratio);
}

// Writes the workbook, then moves the project into place: the project appears under its
// name only once everything else has succeeded.
void write_outputs(const ProfileArgs& args, const profiling::PublishedProfile& published,
                   const profiling::ProfileResult& profile,
                   const profiling::ChannelSwapResult* swap, const std::string& project_temp) {
  if (!args.output.empty()) {
    try {
      profiling::write_profile_workbook(args.output, published, profile, swap);
    } catch (...) {
      if (!project_temp.empty()) std::remove(project_temp.c_str());
      throw;
    }
  }
  if (project_temp.empty()) return;
  std::error_code ec;
  std::filesystem::rename(project_temp, args.write_project, ec);
  if (ec) {
    std::remove(project_temp.c_str());
    throw std::runtime_error(args.write_project + ": could not be written: " + ec.message());
  }
}

void print_profile(const ProfileArgs& args, const profiling::PublishedProfile& published,
                   const profiling::ProfileResult& profile,
                   const profiling::ChannelSwapResult* swap, bool added) {
  if (args.json) {
    std::cout << profiling::profile_to_json(profile, swap);
    return;
  }
  if (args.publish) {
    std::cout << profiling::published_profile_text(published, profile);
    return;
  }
  // The analyst's view: nothing hidden, and said so.
  profiling::PublishedProfile all = profiling::publish_profile(profile, 1);
  all.statement =
      "Analyst's view: counts are not disclosure-controlled. Use --publish or -o OUT.xlsx for "
      "anything shared outside the team.";
  std::cout << profiling::published_profile_text(all, profile);
  if (!profile.unpriced_channels.empty()) {
    std::cout << "Channels without a unit cost (left out of the cost):";
    for (const auto& c : profile.unpriced_channels) std::cout << " " << c;
    std::cout << "\n";
  }
  if (swap) {
    std::cout << "\nChannel swap: " << to_fixed(swap->swap.share * 100, 1)
              << "% of contacts moved to " << swap->swap.to << ", " << to_grouped(swap->moved, 0)
              << " contacts a year, saving £" << to_grouped(swap->yearly_saving, kMoneyPlaces)
              << " a year\n";
    if (swap->exclusion_prompt && !added) std::cout << swap->prompt << "\n";
  }
}

int run_profile(const ProfileArgs& args) {
  check_add_options(args);
  if (args.json && args.publish)
    throw InputError(
        "--json prints the analyst's view without disclosure control, so it cannot be combined "
        "with "
        "--publish; use --publish (text) or -o OUT.xlsx for anything to be shared");
  const Project project = load_segments(args.segments);
  const bool adding = !args.add_to_change.empty();
  if (adding) check_project_for_adding(project, args);

  profiling::ChannelCosts costs = args.channel_costs.empty()
                                      ? profiling::installed_channel_costs()
                                      : profiling::read_channel_costs(args.channel_costs);
  profiling::apply_cost_overrides(costs, project.project.channel_costs,
                                  "project setting (" + args.segments + ")");
  const profiling::ProfileResult profile = make_profile(project, args, costs);
  const std::optional<profiling::ChannelSwapResult> swap = make_swap(project, args, profile, costs);

  const int threshold = args.threshold > 0 ? args.threshold : project.project.disclosure_threshold;
  // Everything is worked out before anything is written, so bad input writes nothing.
  const profiling::PublishedProfile published =
      profiling::publish_profile(profile, std::max(1, threshold));
  std::optional<AddedSwap> added;
  std::string project_temp;
  if (adding) {
    added = add_swap_to_change(project, args, *swap);
    project_temp = write_temp(args.write_project, write_project_json(added->project));
  }
  write_outputs(args, published, profile, swap ? &*swap : nullptr, project_temp);
  print_profile(args, published, profile, swap ? &*swap : nullptr, added.has_value());
  // With --json the summary goes to the error stream, so standard output stays JSON.
  if (added) print_added(args.json ? std::cerr : std::cout, *added, *swap, args);
  if (!args.output.empty())
    std::cerr << "Wrote " << args.output << " (disclosure control applied)\n";
  return 0;
}

}  // namespace

Command add_profile_command(CLI::App& app) {
  auto args = std::make_shared<ProfileArgs>();
  auto* cmd = app.add_subcommand(
      "profile", "Profile service transactions by segment, with costs and a channel swap");
  cmd->add_option("--transactions", args->transactions, "Transactions CSV: one row per contact")
      ->required();
  cmd->add_option("--lookup", args->lookups,
                  "Lookup CSV: postcode -> oa21cd (pcds,oa21cd) and/or oa21cd -> segment "
                  "(oa21cd,supergroup); "
                  "give once or twice")
      ->required()
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--segments", args->segments,
                  "Project (.json or .eqv) or segments CSV giving the segments")
      ->required();
  cmd->add_flag("--json", args->json,
                "Print the profile as JSON (the analyst's view, not disclosure-controlled)");
  cmd->add_flag("--publish", args->publish, "Print the profile with disclosure control applied");
  cmd->add_option("-o,--output", args->output,
                  "Write the profile, disclosure-controlled, to an .xlsx workbook");
  cmd->add_option("--postcode-column", args->columns.postcode,
                  "Transactions column holding the postcode");
  cmd->add_option("--area-column", args->columns.area,
                  "Transactions column holding the output-area code");
  cmd->add_option("--channel-column", args->columns.channel,
                  "Transactions column holding the channel");
  cmd->add_option("--service-column", args->columns.service,
                  "Transactions column holding the service");
  cmd->add_option("--date-column", args->columns.date, "Transactions column holding the date");
  cmd->add_option("--customer-column", args->columns.customer,
                  "Transactions column holding the customer id");
  cmd->add_flag("--match-by-area", args->match_by_area,
                "Match by the output-area column even when postcodes are present");
  cmd->add_option("--level", args->level,
                  "Segment level in the lookup: supergroup, group, subgroup or automatic");
  cmd->add_option("--segment-column", args->segment_column,
                  "Lookup column holding the segment code");
  cmd->add_option("--service", args->service, "Only transactions of this service");
  cmd->add_option("--channel-costs", args->channel_costs,
                  "Channel cost CSV (channel,unit_cost,aliases,source); default "
                  "templates/channels/socitm-2012.csv");
  cmd->add_option("--threshold", args->threshold,
                  "Disclosure threshold (default: the project's, else 10)")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--threads", args->threads, "Parsing threads (default 2)")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--swap-segments", args->swap_segments,
                  "Channel swap: segment codes whose contacts move")
      ->delimiter(',');
  cmd->add_option("--swap-from", args->swap_from,
                  "Channel swap: channels moved from (default face-to-face,telephone)")
      ->delimiter(',');
  cmd->add_option("--swap-share", args->swap_share,
                  "Channel swap: share of those contacts moved to the web (0 to 1)");
  cmd->add_option("--period-days", args->period_days, "Days the transactions cover (default 365)");
  cmd->add_option(
      "--add-to-change", args->add_to_change,
      "Add the channel swap's yearly saving to this service change as a fiscal outcome (needs "
      "--write-project, --swap-segments, --swap-share and a project as --segments)");
  cmd->add_option("--write-project", args->write_project,
                  "Write the project with the new outcome here, as equivalue/1 JSON (the input is "
                  "left as it is)");
  cmd->add_option("--outcome-id", args->outcome_id,
                  "Id of the new outcome (default SWAP1, or the next free SWAP id)");
  cmd->add_option(
      "--stakeholder", args->stakeholder,
      "Stakeholder id of the new outcome (default: the change's council, added when missing)");
  cmd->add_option("--duration", args->duration, "Years the saving lasts (default 1)")
      ->check(CLI::Range(1, 100));
  cmd->add_flag("--force", args->force,
                "Replace an existing --write-project file (even the input project)");
  return [args] {
    try {
      return run_profile(*args);
    } catch (const FieldError& e) {
      throw InputError(option_for(e.field()) + ": " + e.what(), e.problems());
    }
  };
}

}  // namespace eqv::cli
