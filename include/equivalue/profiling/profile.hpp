// equivalue_profiling: customer profiling and channel swap (method.md sections 4 and 5).
//
// Design note. A transactions file (one row per contact) is streamed, never held whole:
// one thread reads blocks, two threads parse them and add each row to per-segment
// counters, so memory depends on the number of segments, channels and distinct
// customers, not on the number of rows. Each row is matched to a segment through
// AreaLookup (lookup.hpp: hash tables over packed postcodes); a row that cannot be
// matched is counted under its reason and never silently dropped. Only aggregates leave
// this library: no transaction row or postcode is kept, so nothing personal can reach a
// project file. Money is eqv::Decimal throughout. Output meant for publication goes
// through eqv::apply_disclosure (core/disclosure.hpp), see profile_output.hpp.
//
// Rules for untidy files (also in docs/PROFILING.md):
//   - a UTF-8 byte order mark, CRLF line ends and wholly empty lines are accepted;
//   - a row with more or fewer values than the header, a quote inside an unquoted value,
//     text after a closing quote, or a quote never closed stops the run with the file
//     name and line number (exit 2): such a file has shifted columns and cannot be
//     trusted row by row;
//   - a channel not in the channel list stops the run with its line number; an empty
//     channel cell is counted under "not recorded" (unpriced);
//   - an empty, malformed or unknown postcode or area is counted by reason (lookup.hpp).
#pragma once

#include "equivalue/core/decimal.hpp"
#include "equivalue/core/model.hpp"
#include "equivalue/profiling/channels.hpp"
#include "equivalue/profiling/lookup.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eqv::profiling {

// Header names of the transactions file's columns. Empty = not present.
struct TransactionColumns {
  std::string postcode;  // detected: postcode, pcds, pcd, post_code, customer_postcode
  std::string area;      // detected: oa21cd, oa11cd, oa, output_area, area_code
  std::string channel;   // detected: channel, contact_channel, contact_method, method
  std::string service;   // detected: service, service_code, lgsl, lgsl_code
  std::string date;      // detected: date, contact_date, transaction_date, created
  std::string customer;  // detected: customer_id, customer, customer_ref, client_id, person_id
};

// Finds the columns in a header; `overrides` (non-empty names) win and must exist.
// Throws InputError (naming `file`) for an override naming no column, or when neither a
// postcode nor an area column, or no channel column, can be found.
TransactionColumns detect_transaction_columns(const std::vector<std::string>& header,
                                              const TransactionColumns& overrides,
                                              const std::string& file);

// The header of a transactions file and the columns found in it (for the import wizard).
struct TransactionsPreview {
  std::vector<std::string> header;
  TransactionColumns detected;  // empty names where nothing was recognised
};
TransactionsPreview preview_transactions(const std::string& path);

struct ProfileOptions {
  TransactionColumns columns;          // overrides; empty = detect from the header
  bool match_by_area = false;          // use the area column even when a postcode column exists
  std::string service;                 // only rows of this service (exact text); empty = all
  int threads = 2;                     // parsing threads
  std::size_t block_bytes = 8u << 20;  // bytes read at a time (memory in use is a few blocks)
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;  // bytes read
};

struct SegmentProfile {
  std::string segment;  // code
  std::string name;
  std::int64_t population = 0;
  std::int64_t transactions = 0;
  std::int64_t customers = 0;  // distinct customer ids (0 without a customer column)
  std::optional<Decimal>
      share;  // of matched customers (or transactions), nothing when none matched
  std::optional<Decimal> base_share;             // of the scheme's population
  std::optional<Decimal> index;                  // share / base_share x 100
  std::map<std::string, std::int64_t> channels;  // channel -> transactions
  Decimal cost = 0;                              // priced channels only, pounds
  std::int64_t unpriced = 0;                     // transactions in channels without a price
};

struct ProfileResult {
  std::string transactions_file;
  std::string matched_by;  // "postcode" or "area"
  TransactionColumns columns;
  bool by_customer = false;         // shares are of customers (a customer column is present)
  std::int64_t rows = 0;            // data rows considered (after the service filter)
  std::int64_t other_services = 0;  // rows left out by the service filter
  std::int64_t matched = 0;
  std::array<std::int64_t, kUnmatchedReasons> unmatched{};  // indexed by Unmatched
  std::int64_t customers = 0;              // distinct customers over all matched rows
  std::int64_t rows_without_customer = 0;  // matched rows with an empty customer id
  std::string first_date, last_date;       // yyyy-mm-dd, when a date column is read
  std::int64_t unreadable_dates = 0;
  std::vector<SegmentProfile> segments;          // every segment of the scheme, in its order
  std::map<std::string, std::int64_t> channels;  // channel -> matched transactions
  std::vector<std::string> channel_order;        // channels seen, in the channel list's order
  Decimal cost = 0;
  std::vector<std::string> unpriced_channels;  // channels seen that have no price

  std::int64_t unmatched_total() const;
  std::int64_t count(Unmatched reason) const { return unmatched[static_cast<std::size_t>(reason)]; }
  const SegmentProfile* find(const std::string& segment) const;
};

// Profiles a transactions CSV. Throws InputError (exit 2) naming the file and line for
// malformed CSV, ragged rows or an unknown channel; nothing partial is returned.
ProfileResult profile_transactions(const std::string& transactions_csv, const AreaLookup& lookup,
                                   const SegmentScheme& scheme, const ChannelCosts& costs,
                                   const ProfileOptions& options = {});

}  // namespace eqv::profiling
