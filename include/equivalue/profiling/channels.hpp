// Contact channels and what one contact costs in each (method.md section 4).
//
// The shipped default is templates/channels/socitm-2012.csv (face-to-face 8.62,
// telephone 2.83, web 0.15 pounds); a council may give its own file in the same layout
// and a project may override single prices (ProjectSettings::channel_costs).
#pragma once

#include "equivalue/core/decimal.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eqv::profiling {

inline constexpr const char* kFaceToFace = "face-to-face";
inline constexpr const char* kTelephone = "telephone";
inline constexpr const char* kWeb = "web";
// Rows whose channel cell is empty are counted under this name (unpriced).
inline constexpr const char* kChannelNotRecorded = "not recorded";

struct Channel {
  std::string name;                  // "face-to-face"
  std::optional<Decimal> unit_cost;  // pounds per contact; nothing = not priced
  std::vector<std::string> aliases;  // other spellings seen in council data: "f2f", "in person"
  std::string source;                // where the price comes from
};

struct ChannelCosts {
  std::string file;               // where the list was read from (for messages and outputs)
  std::vector<Channel> channels;  // in the order of the file

  const Channel* find(const std::string& name) const;
  // The channel a cell of a transactions file means: its name or an alias, compared
  // without regard to case, spaces, hyphens or underscores ("Face to face" = "FACE-TO-FACE").
  // Nothing for a channel not in the list.
  const Channel* match(std::string_view cell) const;
  std::optional<Decimal> unit_cost(const std::string& name) const;
};

// The form channel names are compared in: lower case, runs of spaces, hyphens and
// underscores made one hyphen ("Face To_Face" -> "face-to-face").
std::string fold_channel(std::string_view text);

// Reads a channel cost file: CSV with columns channel,unit_cost[,aliases][,source];
// unit_cost may be empty (not priced); aliases are separated by semicolons. Throws
// InputError naming the file and line for anything unusable.
ChannelCosts read_channel_costs(const std::string& path);

// templates/channels/socitm-2012.csv under `templates_dir`.
ChannelCosts default_channel_costs(const std::string& templates_dir);

// The default list from the first template directory holding channels/socitm-2012.csv
// (interchange/templates.hpp: EQUIVALUE_TEMPLATES first). Throws FieldError
// ("channel_costs") when none is installed.
ChannelCosts installed_channel_costs();

// Applies a project's own prices (channel name -> pounds) over the list: a named channel
// takes the new price; a name not in the list is added as a new channel.
void apply_cost_overrides(ChannelCosts& costs, const std::map<std::string, Decimal>& overrides,
                          const std::string& source = "project setting");

}  // namespace eqv::profiling
