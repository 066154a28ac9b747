#include "equivalue/profiling/profile.hpp"

#include "csv_stream.hpp"
#include "equivalue/core/errors.hpp"
#include "flat_hash.hpp"

#include <algorithm>
#include <climits>
#include <cstdio>

namespace eqv::profiling {
namespace {

using detail::fold_name;

std::string detect(const std::vector<std::string>& header,
                   std::initializer_list<const char*> names) {
  for (const char* n : names)
    for (const auto& h : header)
      if (fold_name(h) == n) return h;
  return {};
}

int column_index(const std::vector<std::string>& header, const std::string& name) {
  if (name.empty()) return -1;
  for (std::size_t i = 0; i < header.size(); ++i)
    if (fold_name(header[i]) == fold_name(name)) return static_cast<int>(i);
  return -1;
}

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
int number(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// yyyy-mm-dd or dd/mm/yyyy, optionally followed by a time; as yyyymmdd, or 0.
int read_date(std::string_view text) {
  text = detail::trim(text);
  int y = 0, m = 0, d = 0;
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-' && digits(text.substr(0, 4)) &&
      digits(text.substr(5, 2)) && digits(text.substr(8, 2))) {
    y = number(text.substr(0, 4));
    m = number(text.substr(5, 2));
    d = number(text.substr(8, 2));
  } else if (text.size() >= 10 && text[2] == '/' && text[5] == '/' && digits(text.substr(0, 2)) &&
             digits(text.substr(3, 2)) && digits(text.substr(6, 4))) {
    d = number(text.substr(0, 2));
    m = number(text.substr(3, 2));
    y = number(text.substr(6, 4));
  } else {
    return 0;
  }
  if (text.size() > 10 && text[10] != ' ' && text[10] != 'T') return 0;
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
  return y * 10000 + m * 100 + d;
}

std::string date_text(int yyyymmdd) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", yyyymmdd / 10000, yyyymmdd / 100 % 100,
                yyyymmdd % 100);
  return buf;
}

std::string channel_list(const ChannelCosts& costs) {
  std::string s;
  for (const auto& c : costs.channels) s += (s.empty() ? "" : ", ") + c.name;
  return s;
}

struct WorkerCounts {
  std::vector<std::int64_t> counts;        // segment x channel
  std::vector<detail::FlatSet> customers;  // per segment
  std::array<std::int64_t, kUnmatchedReasons> unmatched{};
  std::int64_t rows = 0, other_services = 0, without_customer = 0, unreadable_dates = 0;
  int first_date = INT_MAX, last_date = 0;
  std::vector<std::pair<std::string, int>> channel_cache;  // cell text as written -> channel
};

}  // namespace

std::int64_t ProfileResult::unmatched_total() const {
  std::int64_t total = 0;
  for (auto n : unmatched) total += n;
  return total;
}

const SegmentProfile* ProfileResult::find(const std::string& segment) const {
  for (const auto& s : segments)
    if (s.segment == segment) return &s;
  return nullptr;
}

TransactionColumns detect_transaction_columns(const std::vector<std::string>& header,
                                              const TransactionColumns& overrides,
                                              const std::string& file) {
  TransactionColumns c;
  c.postcode =
      detect(header, {"postcode", "pcds", "pcd", "post_code", "post code", "customer_postcode"});
  c.area = detect(header, {"oa21cd", "oa", "output_area", "output area", "area_code", "oa_code"});
  c.channel =
      detect(header, {"channel", "contact_channel", "contact channel", "contact_method", "method"});
  c.service = detect(header, {"service", "service_code", "lgsl", "lgsl_code", "service code"});
  c.date = detect(header, {"date", "contact_date", "transaction_date", "contact date", "created"});
  c.customer = detect(
      header, {"customer_id", "customer", "customer_ref", "customer id", "client_id", "person_id"});
  auto apply = [&](const std::string& given, std::string& slot, const char* what) {
    if (given.empty()) return;
    const int i = column_index(header, given);
    if (i < 0) {
      std::string names;
      for (const auto& h : header) names += (names.empty() ? "" : ", ") + h;
      throw InputError(file + " line 1: there is no column named \"" + given + "\" (given as the " +
                       what + " column); the columns are: " + names);
    }
    slot = header[static_cast<std::size_t>(i)];
  };
  apply(overrides.postcode, c.postcode, "postcode");
  apply(overrides.area, c.area, "output-area");
  apply(overrides.channel, c.channel, "channel");
  apply(overrides.service, c.service, "service");
  apply(overrides.date, c.date, "date");
  apply(overrides.customer, c.customer, "customer id");
  return c;
}

TransactionsPreview preview_transactions(const std::string& path) {
  TransactionsPreview p;
  p.header = detail::read_csv_header(path).names;
  p.detected = detect_transaction_columns(p.header, {}, path);
  return p;
}

namespace {

// Where each value is in a transactions record, and what a record is matched by.
struct RecordColumns {
  std::size_t count = 0;  // values a record must have
  int address = -1, channel = -1, service = -1, date = -1, customer = -1;
  bool by_area = false;
};

RecordColumns record_columns(const std::string& file, const detail::CsvHeader& header,
                             const AreaLookup& lookup, const ProfileOptions& options,
                             ProfileResult& result) {
  result.columns = detect_transaction_columns(header.names, options.columns, file);
  const TransactionColumns& cols = result.columns;
  if (cols.channel.empty())
    throw FieldError("channel_column", file +
                                           " line 1: no channel column was found; name it "
                                           "\"channel\" or choose the channel column");
  RecordColumns at;
  at.count = header.names.size();
  at.by_area = (options.match_by_area || cols.postcode.empty() || !lookup.has_postcodes()) &&
               !cols.area.empty();
  if (!at.by_area && cols.postcode.empty())
    throw FieldError("location_column",
                     file +
                         " line 1: no postcode or output-area column was found; name one "
                         "\"postcode\" or \"oa21cd\", or choose the postcode or area column");
  if (!at.by_area && !lookup.has_postcodes())
    throw InputError(
        file + ": the transactions hold postcodes but no postcode lookup (pcds,oa21cd) was given");
  result.matched_by = at.by_area ? "area" : "postcode";
  at.address = column_index(header.names, at.by_area ? cols.area : cols.postcode);
  at.channel = column_index(header.names, cols.channel);
  at.service = options.service.empty() ? -1 : column_index(header.names, cols.service);
  if (!options.service.empty() && at.service < 0)
    throw FieldError("service_column", file +
                                           " line 1: a service was chosen but no service column "
                                           "was found; choose the service column");
  at.date = column_index(header.names, cols.date);
  at.customer = column_index(header.names, cols.customer);
  result.by_customer = at.customer >= 0;
  return at;
}

// Counts one record into its worker's counters; a message stops the reading.
struct RecordCounter {
  const RecordColumns& at;
  const AreaLookup& lookup;
  const ChannelCosts& costs;
  const std::string& service;
  std::size_t channels;  // costs.channels.size() + 1: the last is "not recorded"

  // The channel's index: cells repeat a handful of spellings, so each one seen is remembered.
  std::optional<int> channel_of(std::string_view cell, WorkerCounts& w, std::string& error) const {
    for (const auto& [text, id] : w.channel_cache)
      if (text == cell) return id;
    int channel = static_cast<int>(costs.channels.size());  // not recorded
    if (!detail::trim(cell).empty()) {
      const Channel* c = costs.match(cell);
      if (!c) {
        error = "the channel \"" + std::string(detail::trim(cell)) +
                "\" is not one Equivalue knows (" + channel_list(costs) +
                "); correct it, or add it to the channel cost file";
        return std::nullopt;
      }
      channel = static_cast<int>(c - costs.channels.data());
    }
    w.channel_cache.emplace_back(std::string(cell), channel);
    return channel;
  }

  std::optional<std::string> operator()(const detail::Record& r, WorkerCounts& w) const {
    if (r.fields.size() != at.count)
      return "has " + std::to_string(r.fields.size()) + " values but the header names " +
             std::to_string(at.count) +
             " columns; check for a missing or extra comma, or a value with a comma that is not in "
             "quotes";
    if (at.service >= 0 &&
        detail::trim(r.fields[static_cast<std::size_t>(at.service)]) != service) {
      ++w.other_services;
      return std::nullopt;
    }
    ++w.rows;
    std::string error;
    const auto channel = channel_of(r.fields[static_cast<std::size_t>(at.channel)], w, error);
    if (!channel) return error;
    if (at.date >= 0) {
      const int date = read_date(r.fields[static_cast<std::size_t>(at.date)]);
      if (date == 0) {
        ++w.unreadable_dates;
      } else {
        w.first_date = std::min(w.first_date, date);
        w.last_date = std::max(w.last_date, date);
      }
    }
    const std::string_view address = r.fields[static_cast<std::size_t>(at.address)];
    const Match m = at.by_area ? lookup.by_area(address) : lookup.by_postcode(address);
    if (m.segment < 0) {
      ++w.unmatched[static_cast<std::size_t>(m.reason)];
      return std::nullopt;
    }
    const auto seg = static_cast<std::size_t>(m.segment);
    ++w.counts[seg * channels + static_cast<std::size_t>(*channel)];
    if (at.customer >= 0) {
      const std::string_view id = detail::trim(r.fields[static_cast<std::size_t>(at.customer)]);
      if (id.empty())
        ++w.without_customer;
      else
        w.customers[seg].insert(detail::hash_text(id));
    }
    return std::nullopt;
  }
};

// The workers' counters added up: segment x channel counts, and the totals in `result`.
std::vector<std::int64_t> merge_counts(const std::vector<WorkerCounts>& workers, std::size_t cells,
                                       ProfileResult& result) {
  std::vector<std::int64_t> counts(cells, 0);
  int first_date = INT_MAX, last_date = 0;
  for (const auto& w : workers) {
    for (std::size_t i = 0; i < counts.size(); ++i) counts[i] += w.counts[i];
    for (std::size_t i = 0; i < kUnmatchedReasons; ++i) result.unmatched[i] += w.unmatched[i];
    result.rows += w.rows;
    result.other_services += w.other_services;
    result.rows_without_customer += w.without_customer;
    result.unreadable_dates += w.unreadable_dates;
    first_date = std::min(first_date, w.first_date);
    last_date = std::max(last_date, w.last_date);
  }
  if (last_date > 0) {
    result.first_date = date_text(first_date);
    result.last_date = date_text(last_date);
  }
  return counts;
}

// Distinct customers per segment (and in all), when the file names customers.
std::vector<std::int64_t> count_customers(const std::vector<WorkerCounts>& workers,
                                          std::size_t segments, ProfileResult& result) {
  std::vector<std::int64_t> customers(segments, 0);
  if (!result.by_customer) return customers;
  std::size_t all_ids = 0;
  for (std::size_t s = 0; s < segments; ++s) {
    detail::FlatSet merged(workers.front().customers[s].size());
    for (const auto& w : workers)
      w.customers[s].for_each([&](std::uint64_t id) { merged.insert(id); });
    customers[s] = static_cast<std::int64_t>(merged.size());
    all_ids += merged.size();
  }
  detail::FlatSet everyone(all_ids);
  for (const auto& w : workers)
    for (const auto& set : w.customers)
      set.for_each([&](std::uint64_t id) { everyone.insert(id); });
  result.customers = static_cast<std::int64_t>(everyone.size());
  return customers;
}

// One segment's contacts and cost by channel.
SegmentProfile segment_profile(const Segment& segment, const std::int64_t* counts,
                               std::size_t channels, const ChannelCosts& costs,
                               ProfileResult& result) {
  SegmentProfile p;
  p.segment = segment.code;
  p.name = segment.name;
  p.population = segment.population;
  for (std::size_t c = 0; c < channels; ++c) {
    const std::int64_t n = counts[c];
    p.transactions += n;
    if (n == 0) continue;
    const bool recorded = c < costs.channels.size();
    const std::string name = recorded ? costs.channels[c].name : kChannelNotRecorded;
    p.channels[name] += n;
    result.channels[name] += n;
    const std::optional<Decimal> unit = recorded ? costs.channels[c].unit_cost : std::nullopt;
    if (unit) {
      p.cost += *unit * n;
    } else {
      p.unpriced += n;
      if (std::find(result.unpriced_channels.begin(), result.unpriced_channels.end(), name) ==
          result.unpriced_channels.end())
        result.unpriced_channels.push_back(name);
    }
  }
  return p;
}

void segment_profiles(const SegmentScheme& scheme, const std::vector<std::int64_t>& counts,
                      const std::vector<std::int64_t>& customers, std::size_t channels,
                      const ChannelCosts& costs, ProfileResult& result) {
  std::int64_t population = 0, customer_sum = 0;
  for (const auto& s : scheme.items) population += s.population;
  for (auto c : customers) customer_sum += c;
  for (std::size_t s = 0; s < scheme.items.size(); ++s) {
    SegmentProfile p =
        segment_profile(scheme.items[s], counts.data() + s * channels, channels, costs, result);
    p.customers = customers[s];
    result.matched += p.transactions;
    result.cost += p.cost;
    result.segments.push_back(std::move(p));
  }
  for (std::size_t c = 0; c < channels; ++c) {
    const std::string name =
        c < costs.channels.size() ? costs.channels[c].name : kChannelNotRecorded;
    if (result.channels.count(name)) result.channel_order.push_back(name);
  }
  const std::int64_t share_base = result.by_customer ? customer_sum : result.matched;
  for (auto& p : result.segments) {
    const std::int64_t basis = result.by_customer ? p.customers : p.transactions;
    if (share_base > 0) p.share = Decimal(basis) / Decimal(share_base);
    if (population > 0) p.base_share = Decimal(p.population) / Decimal(population);
    if (p.share && p.base_share && *p.base_share > 0) p.index = *p.share / *p.base_share * 100;
  }
}

}  // namespace

ProfileResult profile_transactions(const std::string& file, const AreaLookup& lookup,
                                   const SegmentScheme& scheme, const ChannelCosts& costs,
                                   const ProfileOptions& options) {
  const detail::CsvHeader header = detail::read_csv_header(file);
  ProfileResult result;
  result.transactions_file = file;
  const RecordColumns at = record_columns(file, header, lookup, options, result);

  const std::size_t segments = scheme.items.size();
  const std::size_t channels = costs.channels.size() + 1;  // the last is "not recorded"
  const int threads = std::max(1, options.threads);
  std::vector<WorkerCounts> workers(static_cast<std::size_t>(threads));
  for (auto& w : workers) {
    w.counts.assign(segments * channels, 0);
    if (result.by_customer) w.customers.assign(segments, detail::FlatSet(1024));
  }
  detail::StreamOptions stream;
  stream.threads = threads;
  stream.block_bytes = std::max<std::size_t>(16, options.block_bytes);
  stream.progress = options.progress;
  const RecordCounter counter{at, lookup, costs, options.service, channels};
  const auto fault =
      detail::stream_csv(file, header, stream, [&](int worker, const detail::Record& r) {
        return counter(r, workers[static_cast<std::size_t>(worker)]);
      });
  if (fault)
    throw InputError(file + " line " + std::to_string(fault->line) + ": " + fault->message);

  const std::vector<std::int64_t> counts = merge_counts(workers, segments * channels, result);
  const std::vector<std::int64_t> customers = count_customers(workers, segments, result);
  segment_profiles(scheme, counts, customers, channels, costs, result);
  return result;
}

}  // namespace eqv::profiling
