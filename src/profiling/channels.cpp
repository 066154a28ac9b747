#include "equivalue/profiling/channels.hpp"

#include "csv_stream.hpp"
#include "equivalue/core/errors.hpp"
#include "equivalue/interchange/templates.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace eqv::profiling {

std::string fold_channel(std::string_view text) {
  text = detail::trim(text);
  std::string out;
  out.reserve(text.size());
  bool pending_hyphen = false;
  for (char c : text) {
    if (c == ' ' || c == '-' || c == '_' || c == '\t') {
      pending_hyphen = !out.empty();
      continue;
    }
    if (pending_hyphen) out.push_back('-');
    pending_hyphen = false;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

const Channel* ChannelCosts::find(const std::string& name) const {
  for (const auto& c : channels)
    if (c.name == name) return &c;
  return nullptr;
}

const Channel* ChannelCosts::match(std::string_view cell) const {
  const std::string folded = fold_channel(cell);
  for (const auto& c : channels) {
    if (fold_channel(c.name) == folded) return &c;
    for (const auto& alias : c.aliases)
      if (fold_channel(alias) == folded) return &c;
  }
  return nullptr;
}

std::optional<Decimal> ChannelCosts::unit_cost(const std::string& name) const {
  const Channel* c = find(name);
  return c ? c->unit_cost : std::nullopt;
}

ChannelCosts read_channel_costs(const std::string& path) {
  const detail::CsvHeader header = detail::read_csv_header(path);
  int channel_col = -1, cost_col = -1, alias_col = -1, source_col = -1;
  for (std::size_t i = 0; i < header.names.size(); ++i) {
    const std::string n = detail::fold_name(header.names[i]);
    if (n == "channel")
      channel_col = static_cast<int>(i);
    else if (n == "unit_cost" || n == "cost")
      cost_col = static_cast<int>(i);
    else if (n == "aliases")
      alias_col = static_cast<int>(i);
    else if (n == "source")
      source_col = static_cast<int>(i);
  }
  if (channel_col < 0 || cost_col < 0)
    throw InputError(path +
                     " line 1: a channel cost file needs the columns channel,unit_cost "
                     "(and may add aliases,source)");
  ChannelCosts costs;
  costs.file = path;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const std::string all = text.str();
  detail::RecordSplitter splitter(std::string_view(all).substr(header.data_offset),
                                  header.data_line);
  detail::Record record;
  while (splitter.next(record)) {
    const std::string where = path + " line " + std::to_string(record.line) + ": ";
    if (record.fields.size() != header.names.size())
      throw InputError(where + "has " + std::to_string(record.fields.size()) +
                       " values but the header names " + std::to_string(header.names.size()) +
                       " columns");
    Channel c;
    c.name = fold_channel(record.fields[static_cast<std::size_t>(channel_col)]);
    if (c.name.empty()) throw InputError(where + "the channel name is empty");
    if (costs.find(c.name))
      throw InputError(where + "the channel \"" + c.name + "\" is listed twice");
    const std::string_view cost_text =
        detail::trim(record.fields[static_cast<std::size_t>(cost_col)]);
    if (!cost_text.empty()) {
      auto v = parse_decimal(cost_text);
      if (!v || *v < 0)
        throw InputError(
            where + "the unit cost \"" + std::string(cost_text) +
            "\" is not an amount in pounds such as 2.83 (leave it empty for a channel not priced)");
      c.unit_cost = *v;
    }
    if (alias_col >= 0) {
      std::string_view rest = record.fields[static_cast<std::size_t>(alias_col)];
      while (!rest.empty()) {
        const auto semi = rest.find(';');
        const std::string_view alias = detail::trim(rest.substr(0, semi));
        if (!alias.empty()) c.aliases.emplace_back(alias);
        if (semi == std::string_view::npos) break;
        rest.remove_prefix(semi + 1);
      }
    }
    if (source_col >= 0)
      c.source = std::string(detail::trim(record.fields[static_cast<std::size_t>(source_col)]));
    costs.channels.push_back(std::move(c));
  }
  if (const auto& fault = splitter.fault())
    throw InputError(path + " line " + std::to_string(fault->line) + ": " + fault->message);
  if (costs.channels.empty()) throw InputError(path + ": lists no channels");
  return costs;
}

ChannelCosts default_channel_costs(const std::string& templates_dir) {
  return read_channel_costs(
      (std::filesystem::path(templates_dir) / "channels" / "socitm-2012.csv").string());
}

ChannelCosts installed_channel_costs() {
  for (const auto& dir : template_directories())
    if (std::filesystem::exists(dir / "channels" / "socitm-2012.csv"))
      return default_channel_costs(dir.string());
  throw FieldError("channel_costs",
                   "the default channel costs (templates/channels/socitm-2012.csv) were not found; "
                   "give a channel cost file");
}

void apply_cost_overrides(ChannelCosts& costs, const std::map<std::string, Decimal>& overrides,
                          const std::string& source) {
  for (const auto& [name, cost] : overrides) {
    const std::string folded = fold_channel(name);
    Channel* existing = nullptr;
    for (auto& c : costs.channels)
      if (c.name == folded) existing = &c;
    if (existing) {
      existing->unit_cost = cost;
      existing->source = source;
    } else {
      costs.channels.push_back(Channel{folded, cost, {}, source});
    }
  }
}

}  // namespace eqv::profiling
