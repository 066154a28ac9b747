// equivalue-cli profile: customer profiling and channel swap (method.md sections 4 and 5).
#include "cli.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/core/segments.hpp"
#include "equivalue/interchange/templates.hpp"
#include "equivalue/profiling/channel_swap.hpp"
#include "equivalue/profiling/profile.hpp"
#include "equivalue/profiling/profile_output.hpp"
#include "equivalue/storage/project_file.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

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
  std::string swap_share = "0";
  std::string period_days = "365";
};

bool is_csv(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".csv";
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
    project = storage::load_project_file(path);
  }
  if (project.segments.items.empty())
    throw InputError(path + ": has no segments; the profile compares transactions with the segments' populations");
  return project;
}

// templates/channels/socitm-2012.csv from the first template directory holding it.
profiling::ChannelCosts default_costs() {
  for (const auto& dir : template_directories())
    if (std::filesystem::exists(dir / "channels" / "socitm-2012.csv")) return profiling::default_channel_costs(dir.string());
  throw InputError("the default channel costs (templates/channels/socitm-2012.csv) were not found; give a cost file "
                   "with --channel-costs");
}

Decimal decimal_option(const std::string& text, const char* option) {
  const auto v = parse_decimal(text);
  if (!v) throw InputError(std::string(option) + ": \"" + text + "\" is not a number");
  return *v;
}

int run_profile(const ProfileArgs& args) {
  if (args.json && args.publish)
    throw InputError("--json prints the analyst's view without disclosure control, so it cannot be combined with "
                     "--publish; use --publish (text) or -o OUT.xlsx for anything to be shared");
  const Project project = load_segments(args.segments);
  const SegmentScheme& scheme = project.segments;

  profiling::ChannelCosts costs = args.channel_costs.empty() ? default_costs()
                                                             : profiling::read_channel_costs(args.channel_costs);
  profiling::apply_cost_overrides(costs, project.project.channel_costs, "project setting (" + args.segments + ")");

  profiling::LookupOptions lookup_options;
  const auto level = profiling::segment_level_from_name(args.level);
  if (!level) throw InputError("--level: choose supergroup, group, subgroup or automatic");
  lookup_options.level = *level;
  lookup_options.segment_column = args.segment_column;
  lookup_options.threads = args.threads;
  const profiling::AreaLookup lookup = profiling::load_lookups(args.lookups, scheme, lookup_options);

  profiling::ProfileOptions options;
  options.columns = args.columns;
  options.match_by_area = args.match_by_area;
  options.service = args.service;
  options.threads = args.threads;
  const profiling::ProfileResult profile =
      profiling::profile_transactions(args.transactions, lookup, scheme, costs, options);

  std::optional<profiling::ChannelSwapResult> swap;
  if (!args.swap_segments.empty()) {
    profiling::ChannelSwap s;
    s.segments = args.swap_segments;
    s.from = args.swap_from;
    s.share = decimal_option(args.swap_share, "--swap-share");
    s.period_days = decimal_option(args.period_days, "--period-days");
    swap = profiling::channel_swap(profile, costs, scheme, s, project.project.flag_ratio);
  }

  const int threshold = args.threshold > 0 ? args.threshold : project.project.disclosure_threshold;
  // Everything is worked out before anything is written, so bad input writes nothing.
  const profiling::PublishedProfile published = profiling::publish_profile(profile, std::max(1, threshold));
  if (!args.output.empty())
    profiling::write_profile_workbook(args.output, published, profile, swap ? &*swap : nullptr);

  if (args.json) {
    std::cout << profiling::profile_to_json(profile, swap ? &*swap : nullptr);
  } else if (args.publish) {
    std::cout << profiling::published_profile_text(published, profile);
  } else {
    // The analyst's view: nothing hidden, and said so.
    profiling::PublishedProfile all = profiling::publish_profile(profile, 1);
    all.statement = "Analyst's view: counts are not disclosure-controlled. Use --publish or -o OUT.xlsx for "
                    "anything shared outside the team.";
    std::cout << profiling::published_profile_text(all, profile);
    if (!profile.unpriced_channels.empty()) {
      std::cout << "Channels without a unit cost (left out of the cost):";
      for (const auto& c : profile.unpriced_channels) std::cout << " " << c;
      std::cout << "\n";
    }
    if (swap) {
      std::cout << "\nChannel swap: " << to_fixed(swap->swap.share * 100, 1) << "% of contacts moved to "
                << swap->swap.to << ", " << to_grouped(swap->moved, 0) << " contacts a year, saving £"
                << to_grouped(swap->yearly_saving, kMoneyPlaces) << " a year\n";
      if (swap->exclusion_prompt) std::cout << swap->prompt << "\n";
    }
  }
  if (!args.output.empty()) std::cerr << "Wrote " << args.output << " (disclosure control applied)\n";
  return 0;
}

}  // namespace

Command add_profile_command(CLI::App& app) {
  auto args = std::make_shared<ProfileArgs>();
  auto* cmd = app.add_subcommand("profile", "Profile service transactions by segment, with costs and a channel swap");
  cmd->add_option("--transactions", args->transactions, "Transactions CSV: one row per contact")->required();
  cmd->add_option("--lookup", args->lookups,
                  "Lookup CSV: postcode -> oa21cd (pcds,oa21cd) and/or oa21cd -> segment (oa21cd,supergroup); "
                  "give once or twice")
      ->required()
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--segments", args->segments, "Project (.json or .eqv) or segments CSV giving the segments")->required();
  cmd->add_flag("--json", args->json, "Print the profile as JSON (the analyst's view, not disclosure-controlled)");
  cmd->add_flag("--publish", args->publish, "Print the profile with disclosure control applied");
  cmd->add_option("-o,--output", args->output, "Write the profile, disclosure-controlled, to an .xlsx workbook");
  cmd->add_option("--postcode-column", args->columns.postcode, "Transactions column holding the postcode");
  cmd->add_option("--area-column", args->columns.area, "Transactions column holding the output-area code");
  cmd->add_option("--channel-column", args->columns.channel, "Transactions column holding the channel");
  cmd->add_option("--service-column", args->columns.service, "Transactions column holding the service");
  cmd->add_option("--date-column", args->columns.date, "Transactions column holding the date");
  cmd->add_option("--customer-column", args->columns.customer, "Transactions column holding the customer id");
  cmd->add_flag("--match-by-area", args->match_by_area, "Match by the output-area column even when postcodes are present");
  cmd->add_option("--level", args->level, "Segment level in the lookup: supergroup, group, subgroup or automatic");
  cmd->add_option("--segment-column", args->segment_column, "Lookup column holding the segment code");
  cmd->add_option("--service", args->service, "Only transactions of this service");
  cmd->add_option("--channel-costs", args->channel_costs,
                  "Channel cost CSV (channel,unit_cost,aliases,source); default templates/channels/socitm-2012.csv");
  cmd->add_option("--threshold", args->threshold, "Disclosure threshold (default: the project's, else 10)")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--threads", args->threads, "Parsing threads (default 2)")->check(CLI::Range(1, 64));
  cmd->add_option("--swap-segments", args->swap_segments, "Channel swap: segment codes whose contacts move")
      ->delimiter(',');
  cmd->add_option("--swap-from", args->swap_from, "Channel swap: channels moved from (default face-to-face,telephone)")
      ->delimiter(',');
  cmd->add_option("--swap-share", args->swap_share, "Channel swap: share of those contacts moved to the web (0 to 1)");
  cmd->add_option("--period-days", args->period_days, "Days the transactions cover (default 365)");
  return [args] { return run_profile(*args); };
}

}  // namespace eqv::cli
