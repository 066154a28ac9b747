#include "equivalue/profiling/profile_output.hpp"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace eqv::profiling {
namespace {

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string json_decimal(const std::optional<Decimal>& v, int places) {
  return v ? to_fixed(*v, places) : "null";
}

std::string json_counts(const std::map<std::string, std::int64_t>& counts,
                        const std::vector<std::string>& order) {
  std::string s = "{";
  bool first = true;
  for (const auto& name : order) {
    const auto it = counts.find(name);
    if (it == counts.end()) continue;
    s += (first ? "" : ", ") + json_string(name) + ": " + std::to_string(it->second);
    first = false;
  }
  return s + "}";
}

std::string percent_text(const Decimal& fraction) { return to_fixed(fraction * 100, 1) + "%"; }

DisclosedCell shown(std::string text) {
  return DisclosedCell{std::move(text), false, SuppressionReason::none};
}
DisclosedCell withheld() { return DisclosedCell{kWithheldText, true, SuppressionReason::derived}; }

}  // namespace

std::string profile_to_json(const ProfileResult& p, const ChannelSwapResult* swap) {
  std::ostringstream o;
  o << "{\"transactions_file\": " << json_string(p.transactions_file) << ",\n";
  o << " \"matched_by\": " << json_string(p.matched_by) << ",\n";
  o << " \"rows\": " << p.rows << ", \"matched\": " << p.matched << ",\n";
  o << " \"unmatched\": {";
  for (int r = 0; r < kUnmatchedReasons; ++r)
    o << (r ? ", " : "") << json_string(unmatched_name(static_cast<Unmatched>(r))) << ": "
      << p.unmatched[static_cast<std::size_t>(r)];
  o << "},\n";
  if (!p.columns.service.empty()) o << " \"other_services\": " << p.other_services << ",\n";
  o << " \"by_customer\": " << (p.by_customer ? "true" : "false");
  if (p.by_customer)
    o << ", \"customers\": " << p.customers
      << ", \"rows_without_customer\": " << p.rows_without_customer;
  o << ",\n";
  if (!p.columns.date.empty())
    o << " \"dates\": {\"first\": " << (p.first_date.empty() ? "null" : json_string(p.first_date))
      << ", \"last\": " << (p.last_date.empty() ? "null" : json_string(p.last_date))
      << ", \"unreadable\": " << p.unreadable_dates << "},\n";
  o << " \"channels\": " << json_counts(p.channels, p.channel_order) << ",\n";
  o << " \"unpriced_channels\": [";
  for (std::size_t i = 0; i < p.unpriced_channels.size(); ++i)
    o << (i ? ", " : "") << json_string(p.unpriced_channels[i]);
  o << "],\n";
  o << " \"cost\": " << to_fixed(p.cost, kMoneyPlaces) << ",\n";
  o << " \"segments\": [";
  for (std::size_t i = 0; i < p.segments.size(); ++i) {
    const SegmentProfile& s = p.segments[i];
    o << (i ? ",\n  " : "\n  ") << "{\"segment\": " << json_string(s.segment)
      << ", \"name\": " << json_string(s.name) << ", \"population\": " << s.population
      << ", \"transactions\": " << s.transactions << ", \"customers\": " << s.customers
      << ", \"share\": " << json_decimal(s.share, 6)
      << ", \"base_share\": " << json_decimal(s.base_share, 6)
      << ", \"index\": " << json_decimal(s.index, 4)
      << ", \"channels\": " << json_counts(s.channels, p.channel_order)
      << ", \"cost\": " << to_fixed(s.cost, kMoneyPlaces) << ", \"unpriced\": " << s.unpriced
      << "}";
  }
  o << "]";
  if (swap) {
    o << ",\n \"channel_swap\": {\"segments\": [";
    for (std::size_t i = 0; i < swap->swap.segments.size(); ++i)
      o << (i ? ", " : "") << json_string(swap->swap.segments[i]);
    o << "], \"from\": [";
    for (std::size_t i = 0; i < swap->swap.from.size(); ++i)
      o << (i ? ", " : "") << json_string(swap->swap.from[i]);
    o << "], \"to\": " << json_string(swap->swap.to)
      << ", \"share\": " << to_exact_string(swap->swap.share)
      << ", \"period_days\": " << to_exact_string(swap->swap.period_days)
      << ", \"moved_per_year\": " << to_fixed(swap->moved, 2)
      << ", \"yearly_saving\": " << to_fixed(swap->yearly_saving, kMoneyPlaces)
      << ",\n   \"lines\": [";
    for (std::size_t i = 0; i < swap->lines.size(); ++i) {
      const SwapLine& l = swap->lines[i];
      o << (i ? ", " : "") << "{\"segment\": " << json_string(l.segment)
        << ", \"channel\": " << json_string(l.channel) << ", \"moved\": " << to_fixed(l.moved, 2)
        << ", \"saving\": " << to_fixed(l.saving, kMoneyPlaces) << "}";
    }
    o << "],\n   \"digital_exclusion\": {\"prompt\": "
      << (swap->exclusion_prompt ? "true" : "false")
      << ", \"message\": " << json_string(swap->prompt) << ", \"checks\": [";
    for (std::size_t i = 0; i < swap->exclusion.size(); ++i) {
      const ExclusionCheck& c = swap->exclusion[i];
      o << (i ? ", " : "") << "{\"characteristic\": " << json_string(c.group.characteristic)
        << ", \"category\": " << json_string(c.group.category)
        << ", \"available\": " << (c.available ? "true" : "false")
        << ", \"share\": " << json_decimal(c.share, 6)
        << ", \"base_share\": " << json_decimal(c.base_share, 6)
        << ", \"ratio\": " << json_decimal(c.ratio, 4)
        << ", \"flag\": " << (c.flag ? "true" : "false") << "}";
    }
    o << "]}}";
  }
  o << "\n}\n";
  return o.str();
}

namespace {

// Transactions: segment x channel, with both kinds of total.
DisclosureTable contact_counts(const ProfileResult& p) {
  DisclosureTable contacts;
  contacts.row_totals = contacts.column_totals = true;
  for (const auto& s : p.segments) {
    std::vector<std::int64_t> row;
    for (const auto& ch : p.channel_order) {
      const auto it = s.channels.find(ch);
      row.push_back(it == s.channels.end() ? 0 : it->second);
    }
    contacts.counts.push_back(std::move(row));
  }
  if (p.channel_order.empty())  // nothing matched: one column of zeros keeps the table whole
    for (auto& row : contacts.counts) row.push_back(0);
  return contacts;
}

}  // namespace

PublishedProfile publish_profile(const ProfileResult& p, int threshold) {
  PublishedProfile out;
  out.threshold = threshold;
  out.by_customer = p.by_customer;
  out.channels = p.channel_order;
  const std::size_t n = p.segments.size();

  const DisclosedTable c = apply_disclosure(contact_counts(p), threshold);

  std::optional<DisclosedTable> people;
  if (p.by_customer) {
    DisclosureTable customers;
    customers.column_totals = true;
    for (const auto& s : p.segments) customers.counts.push_back({s.customers});
    people = apply_disclosure(customers, threshold);
  }

  // A cost is built from the counts of priced channels only: it is withheld when one of them is
  // hidden.
  auto priced_hidden = [&](const std::vector<DisclosedCell>& cells) {
    for (std::size_t k = 0; k < cells.size(); ++k) {
      const bool priced = std::find(p.unpriced_channels.begin(), p.unpriced_channels.end(),
                                    out.channels[k]) == p.unpriced_channels.end();
      if (priced && cells[k].suppressed) return true;
    }
    return false;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const SegmentProfile& s = p.segments[i];
    PublishedSegment row;
    row.segment = s.segment;
    row.name = s.name;
    row.transactions = c.row_totals[i];
    if (!out.channels.empty()) row.channels = c.cells[i];
    row.customers = people ? people->cell(i, 0) : shown("");
    const DisclosedCell& basis = people ? row.customers : row.transactions;
    row.share = disclose_derived(basis, s.share ? percent_text(*s.share) : "");
    row.base_share = shown(s.base_share ? percent_text(*s.base_share) : "");
    row.index = disclose_derived(basis, s.index ? to_fixed(*s.index, 0) : "");
    row.cost = priced_hidden(row.channels) ? withheld() : shown(to_grouped(s.cost, kMoneyPlaces));
    out.segments.push_back(std::move(row));
  }
  PublishedSegment& total = out.total;
  total.segment = "Total";
  total.transactions = *c.grand_total;
  if (!out.channels.empty()) total.channels = c.column_totals;
  total.customers = people ? people->column_totals[0] : shown("");
  const DisclosedCell& basis = people ? total.customers : total.transactions;
  total.share = disclose_derived(basis, "100.0%");
  total.base_share = shown("100.0%");
  total.index = shown("");
  total.cost = priced_hidden(total.channels) ? withheld() : shown(to_grouped(p.cost, kMoneyPlaces));

  // Matched and unmatched rows, with the number of rows as their total.
  DisclosureTable matching;
  matching.row_totals = true;
  matching.counts.push_back({p.matched});
  for (auto u : p.unmatched) matching.counts[0].push_back(u);
  const DisclosedTable m = apply_disclosure(matching, threshold);
  out.matched = m.cell(0, 0);
  for (std::size_t r = 0; r < kUnmatchedReasons; ++r) out.unmatched.push_back(m.cell(0, r + 1));
  out.rows = m.row_totals[0];
  out.statement = c.statement +
                  " Shares and indices based on a hidden count are withheld, and a cost is "
                  "withheld when the count "
                  "of any priced channel it is built from is hidden.";
  return out;
}

std::string published_profile_text(const PublishedProfile& pub, const ProfileResult& p) {
  std::ostringstream o;
  o << "Customer profile of " << p.transactions_file << " (matched by " << p.matched_by << ")\n";
  o << "Rows " << pub.rows.text << ", matched " << pub.matched.text << "; not matched: ";
  for (int r = 0; r < kUnmatchedReasons; ++r)
    o << (r ? ", " : "") << unmatched_name(static_cast<Unmatched>(r)) << " "
      << pub.unmatched[static_cast<std::size_t>(r)].text;
  o << "\n\n";
  o << std::left << std::setw(10) << "Segment" << std::right << std::setw(14) << "Transactions";
  if (pub.by_customer) o << std::setw(11) << "Customers";
  o << std::setw(9) << "Share" << std::setw(12) << "Population" << std::setw(7) << "Index";
  for (const auto& ch : pub.channels)
    o << std::setw(std::max<int>(10, static_cast<int>(ch.size()) + 2)) << ch;
  o << std::setw(14) << "Cost (GBP)"
    << "\n";
  auto line = [&](const PublishedSegment& s) {
    o << std::left << std::setw(10) << s.segment << std::right << std::setw(14)
      << s.transactions.text;
    if (pub.by_customer) o << std::setw(11) << s.customers.text;
    o << std::setw(9) << s.share.text << std::setw(12) << s.base_share.text << std::setw(7)
      << s.index.text;
    for (std::size_t i = 0; i < pub.channels.size(); ++i)
      o << std::setw(std::max<int>(10, static_cast<int>(pub.channels[i].size()) + 2))
        << s.channels[i].text;
    o << std::setw(14) << s.cost.text << "\n";
  };
  for (const auto& s : pub.segments) line(s);
  line(pub.total);
  o << "\n" << pub.statement << "\n";
  return o.str();
}

}  // namespace eqv::profiling
