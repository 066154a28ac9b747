// Streaming, parallel reading of large CSV files (internal to equivalue_profiling).
//
// One reader thread reads the file in blocks and cuts each block after the last line
// break that is not inside quotes (found by counting quote characters, which is much
// cheaper than parsing). Worker threads parse whole blocks into records. Only a few
// blocks are in memory at once, so memory does not grow with the length of the file.
//
// CSV rules (RFC 4180, with the usual extensions): comma separated; a value may be
// wrapped in double quotes, inside which commas, line breaks and doubled quotes ("")
// are data; CRLF and LF line ends; a UTF-8 byte order mark before the header is
// ignored; wholly empty lines are skipped. A quote inside an unquoted value, text
// after a closing quote and a quote never closed are errors naming the line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eqv::profiling::detail {

// One parsed record. Fields point into the block or into `scratch` (values that held
// doubled quotes); they are valid until the next call of next().
struct Record {
  std::vector<std::string_view> fields;
  std::uint64_t line = 0;  // physical line (1-based) on which the record starts
};

// Splits a block of whole records. Never throws: a fault is reported by error().
class RecordSplitter {
 public:
  RecordSplitter(std::string_view block, std::uint64_t first_line)
      : block_(block), line_(first_line) {}
  // Reads the next non-empty record; false at the end of the block or on a fault.
  bool next(Record& record);
  // After next() returned false: the fault, or nothing at the clean end of the block.
  const std::optional<std::string>& error() const { return error_; }
  std::uint64_t error_line() const { return error_line_; }

 private:
  std::string_view block_;
  std::size_t pos_ = 0;
  std::uint64_t line_;
  // A deque, not a vector: adding a value must not move the ones earlier fields of the
  // same record point into (short values live inside the string object itself).
  std::deque<std::string> scratch_;
  std::optional<std::string> error_;
  std::uint64_t error_line_ = 0;
};

// The header of a CSV file and where its data starts.
struct CsvHeader {
  std::vector<std::string> names;  // as written, trimmed, BOM removed
  std::uint64_t data_offset = 0;   // byte offset of the first data line
  std::uint64_t data_line = 2;     // line number of the first data line
};

// Reads the header line of `path`. Throws InputError naming the file when it cannot be
// opened, is empty, or its header line is malformed.
CsvHeader read_csv_header(const std::string& path);

// A fault found in a data block, with its line.
struct CsvFault {
  std::uint64_t line = 0;
  std::string message;
};

struct StreamOptions {
  int threads = 2;                           // parsing threads
  std::size_t block_bytes = 8u << 20;        // bytes read at a time
  std::size_t max_record_bytes = 64u << 20;  // a longer record means an unclosed quote
  std::function<void(std::uint64_t done, std::uint64_t total)>
      progress;  // bytes, from the reader thread
};

// Parses every data record of `path` in parallel. `on_record(worker, record)` runs on
// worker `worker` (0 .. threads-1) and returns an error message to stop, or nothing.
// Each worker keeps its own state indexed by `worker`, so no locking is needed.
// Returns the first fault in file order (malformed CSV or a stop requested by
// on_record), or nothing when every record was read. Throws InputError when the file
// cannot be read.
std::optional<CsvFault> stream_csv(
    const std::string& path, const CsvHeader& header, const StreamOptions& options,
    const std::function<std::optional<std::string>(int worker, const Record& record)>& on_record);

// Lower case with surrounding spaces removed: the form column names are compared in.
std::string fold_name(std::string_view name);

// Surrounding spaces and tabs removed.
std::string_view trim(std::string_view text);

}  // namespace eqv::profiling::detail
