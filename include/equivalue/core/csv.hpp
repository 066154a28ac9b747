// The one CSV reader: RFC 4180 text (commas; values in double quotes may hold commas,
// line breaks and doubled quotes ""), LF or CRLF line ends, an optional UTF-8 byte order
// mark, blank lines skipped, spaces around an unquoted value dropped. Segment profiles,
// the proxy library and channel cost files are read with read_csv(); the transactions
// and lookups, too large to hold, are cut into blocks of whole records and each block is
// read with the same CsvSplitter, in parallel (profiling's csv_stream).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "equivalue/core/validation.hpp"

namespace eqv {

struct CsvRecord {
  std::uint64_t line = 0;  // physical line (from 1) on which the record starts
  std::vector<std::string> fields;
};

struct CsvFault {
  std::uint64_t line = 0;
  std::string message;  // what is wrong and how to put it right
};

// Reads records one at a time from text holding whole records (a file, or a block of one).
// Never throws: a malformed record stops it and fault() says where and why.
class CsvSplitter {
 public:
  CsvSplitter(std::string_view text, std::uint64_t first_line = 1);
  // The next non-blank record; false at the end of the text or on a fault.
  bool next(CsvRecord& record);
  const std::optional<CsvFault>& fault() const { return fault_; }

 private:
  bool quoted_value(std::string& value);
  void plain_value(std::string& value);
  std::string_view text_;
  std::size_t pos_ = 0;
  std::uint64_t line_;
  std::optional<CsvFault> fault_;
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
