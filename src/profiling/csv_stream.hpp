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

#include "equivalue/core/csv.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eqv::profiling::detail {

// One record, and the splitter of a block of whole records: core's one CSV reader.
using Record = CsvView;
using RecordSplitter = CsvSplitter;

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
