#include "cli.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/core/reviews.hpp"
#include "equivalue/core/validation.hpp"
#include "equivalue/interchange/desk_json.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace eqv::cli {
namespace {

struct ReviewsArgs {
  std::string file;
  bool json = false;
  std::string today;
  int days = 60;
};

int run_reviews(const ReviewsArgs& args) {
  const std::string today = args.today.empty() ? today_utc() : args.today;
  if (!is_iso_date(today))
    throw InputError("--today: \"" + args.today +
                     "\" is not a date; write it as yyyy-mm-dd, such as 2027-11-20");
  const Project project = load_valid_project(args.file);
  const OfficerDesk desk = officer_desk(project, today, args.days);
  if (args.json) {
    std::cout << desk_to_json(desk);
    return 0;
  }
  std::cout << project.project.name << "\n";
  std::cout << "The equality officer's desk on " << today << " (reviews due within " << args.days
            << " days)\n";
  for (DeskList list : kDeskLists) {
    const auto items = desk.in(list);
    std::cout << "\n"
              << desk_list_title(list) << ": "
              << (items.empty() ? "none" : std::to_string(items.size())) << "\n";
    for (const DeskItem* item : items)
      std::cout << "  " << item->change_id << "  " << item->title
                << (item->reference.empty() ? "" : " (" + item->reference + ")") << ": "
                << item->note << "\n";
  }
  return 0;
}

}  // namespace

Command add_reviews_command(CLI::App& app) {
  auto args = std::make_shared<ReviewsArgs>();
  auto* cmd =
      app.add_subcommand("reviews",
                         "The equality officer's desk: assessments awaiting review or returned, "
                         "post-implementation reviews "
                         "due and overdue, assessments approved on or after their decision date");
  cmd->add_option("FILE", args->file, "Project file (.json or .eqv)")->required();
  cmd->add_flag("--json", args->json, "Print the lists as JSON");
  cmd->add_option("--today", args->today,
                  "The date to look from, yyyy-mm-dd (default: today, UTC)");
  cmd->add_option("--days", args->days, "How far ahead a review counts as due (default 60)")
      ->check(CLI::Range(0, 3660));
  return [args] { return run_reviews(*args); };
}

}  // namespace eqv::cli
