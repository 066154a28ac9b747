// The one CSV reader: RFC 4180 text (commas; values in double quotes may hold commas,
// line breaks and doubled quotes ""), LF or CRLF line ends, wholly empty lines skipped,
// spaces and tabs around a quoted value ignored. A quote inside a value that does not
// start with one, text after a closing quote and a quote never closed are faults naming
// the line.
//
// CsvSplitter reads records one at a time without copying: each value points into the
// text, or into the splitter's own store for a value that held doubled quotes. The
// transactions and lookups, too large to hold, are cut into blocks of whole records and
// each block is split on its own thread (profiling's csv_stream). read_csv() reads a
// whole small file (segment profiles, the proxy library, templates' tables) into owned
// records, with a UTF-8 byte order mark dropped, values trimmed of spaces and lines of
// nothing but spaces skipped.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "equivalue/core/validation.hpp"

namespace eqv {

// One record as split: its values are valid until the next call of CsvSplitter::next().
struct CsvView {
  std::vector<std::string_view> fields;
  std::uint64_t line = 0;  // physical line (from 1) on which the record starts
};

struct CsvFault {
  std::uint64_t line = 0;
  std::string message;  // what is wrong and how to put it right
};

// Splits text holding whole records (a file, or a block of one). Never throws: a malformed
// record stops it and fault() says where and why.
class CsvSplitter {
 public:
  CsvSplitter(std::string_view text, std::uint64_t first_line = 1)
      : text_(text), line_(first_line) {}
  // The next record that is not a wholly empty line; false at the end or on a fault.
  bool next(CsvView& record);
  const std::optional<CsvFault>& fault() const { return fault_; }

 private:
  bool skip_empty_lines();
  bool quoted_value(std::string_view& value, std::size_t& scratch_used);
  bool plain_value(std::string_view& value);
  bool stop(std::uint64_t line, std::string message);

  std::string_view text_;
  std::size_t pos_ = 0;
  std::uint64_t line_;
  // A deque, not a vector: adding a value must not move the ones earlier values of the
  // same record point into (short values live inside the string object itself).
  std::deque<std::string> scratch_;
  std::optional<CsvFault> fault_;
};

// A record read whole, its values owned and trimmed.
struct CsvRecord {
  std::uint64_t line = 0;
  std::vector<std::string> fields;
};

// Every record of `text`, the header first; a fault ends the reading and is returned too.
struct CsvRead {
  std::vector<CsvRecord> records;
  std::optional<CsvFault> fault;
};
CsvRead read_csv(std::string_view text);

// The index of the column whose trimmed, lower-case name is `name`, or -1.
int csv_column(const std::vector<std::string>& header, std::string_view name);

}  // namespace eqv
