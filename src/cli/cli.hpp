// equivalue-cli: a thin front end. Each command lives in its own file (cmd_*.cpp) and
// registers itself on the command line through one add_*_command() function; main()
// parses, runs the chosen command and turns exceptions into exit statuses:
// 0 success, 2 invalid input or usage (InputError), 1 any other failure.
#pragma once

#include "equivalue/core/model.hpp"
#include "equivalue/core/validation.hpp"

#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace eqv::cli {

// What a command does once the command line has been parsed; returns the exit status.
using Command = std::function<int()>;

// Reads a project from FILE (.json or .eqv), telling on standard error of every field of a
// JSON file that was ignored because Equivalue does not know it, and attaches the shipped
// deflator series (templates/deflators/gdp.json) that rebases a project without its own.
Project load_project(const std::string& path);

// Reads a project from FILE (.json or .eqv) as load_project() does, validates it and throws
// InputError listing every problem, each prefixed with the file name.
Project load_valid_project(const std::string& path);

// Throws InputError listing `problems`, each prefixed with `file`, saying `what` follows
// ("nothing was written").
[[noreturn]] void refuse_file(const std::string& file, Problems problems, const std::string& what);
// Writes `text` to `path` beside it first and renames, so a failure never leaves half a file.
void write_output_file(const std::string& path, const std::string& text);

// Each adds its subcommand to `app` and returns what runs when it is chosen.
Command add_validate_command(CLI::App& app);
Command add_calc_command(CLI::App& app);
Command add_import_command(CLI::App& app);
Command add_dump_command(CLI::App& app);
Command add_export_command(CLI::App& app);
Command add_profile_command(CLI::App& app);
Command add_cumulative_command(CLI::App& app);
Command add_segments_command(CLI::App& app);
Command add_proxies_command(CLI::App& app);
Command add_publish_command(CLI::App& app);
Command add_server_command(CLI::App& app);
Command add_eqia_command(CLI::App& app);
Command add_reviews_command(CLI::App& app);

}  // namespace eqv::cli
