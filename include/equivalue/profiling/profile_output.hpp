// Writing a profile out: the analyst's JSON, and the published forms (text and
// workbook) with disclosure control applied (method.md section 5, core/disclosure.hpp).
//
// Published tables: the segment x channel counts of transactions with segment and
// channel totals go through eqv::apply_disclosure as one table (so a hidden cell cannot
// be worked out from a total); customers per segment with their total as a second; the
// matched and unmatched counts, with the number of rows as their total, as a third.
// A share or index is withheld when the count it is based on is hidden; a cost is
// withheld when the count of any priced channel it is built from is hidden (a cost less
// the shown channels, divided by a unit cost, would give the count back). Population shares come
// from the segment scheme, not from the transactions, and are shown.
#pragma once

#include "equivalue/core/disclosure.hpp"
#include "equivalue/profiling/channel_swap.hpp"
#include "equivalue/profiling/profile.hpp"

#include <optional>
#include <string>
#include <vector>

namespace eqv::profiling {

// The analyst's unsuppressed view, as in docs/FORMAT.md ("profile --json"). Shares carry
// six decimal places, indices four, money two.
std::string profile_to_json(const ProfileResult& profile, const ChannelSwapResult* swap = nullptr);

struct PublishedSegment {
  std::string segment, name;
  DisclosedCell transactions, customers, share, base_share, index, cost;
  std::vector<DisclosedCell> channels;  // in PublishedProfile::channels order
};

struct PublishedProfile {
  int threshold = 10;
  bool by_customer = false;
  std::vector<std::string> channels;       // channel names, in column order
  std::vector<PublishedSegment> segments;  // every segment of the scheme
  PublishedSegment total;                  // column totals
  DisclosedCell rows, matched;
  std::vector<DisclosedCell> unmatched;  // by Unmatched reason
  std::string statement;                 // the rule applied, for the reader
};

// Applies disclosure control with the project's threshold (>= 1).
PublishedProfile publish_profile(const ProfileResult& profile, int threshold);

// The published profile as a plain text table (for --publish).
std::string published_profile_text(const PublishedProfile& published, const ProfileResult& profile);

// Writes the published profile (and the channel swap, when given) to an .xlsx workbook.
// Throws InputError when the file cannot be written (a folder missing, the file open).
void write_profile_workbook(const std::string& path, const PublishedProfile& published,
                            const ProfileResult& profile, const ChannelSwapResult* swap = nullptr);

}  // namespace eqv::profiling
