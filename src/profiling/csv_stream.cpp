#include "csv_stream.hpp"

#include "equivalue/core/errors.hpp"
#include "equivalue/core/input_file.hpp"
#include "equivalue/core/text.hpp"

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace eqv::profiling::detail {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

File open_for_reading(const std::string& path) {
  // A pipe or device can be read only once and may end part way: the header and the rows
  // are read separately, so only a file saved on disk will do.
  if (!require_input_file(path, "the CSV file"))
    throw InputError(path +
                     ": this is not a file saved on disk (a pipe or device); save the data to a "
                     "file and give that");
  File f(std::fopen(path.c_str(), "rb"));
  if (!f) throw InputError(path + ": cannot be read (check that you have permission to open it)");
  return f;
}

std::uint64_t count_line_breaks(std::string_view text) {
  return static_cast<std::uint64_t>(std::count(text.begin(), text.end(), '\n'));
}

// Where a block can be cut: just after the last line break outside quotes, or 0.
// The block starts at a record boundary, so quote parity there is even.
std::size_t last_record_end(std::string_view block) {
  const auto total_quotes = static_cast<std::size_t>(std::count(block.begin(), block.end(), '"'));
  std::size_t quotes_after = 0;
  for (std::size_t i = block.size(); i-- > 0;) {
    const char c = block[i];
    if (c == '"') {
      ++quotes_after;
    } else if (c == '\n' && (total_quotes - quotes_after) % 2 == 0) {
      return i + 1;
    }
  }
  return 0;
}

// Two columns of one name would leave it to chance which one is read. Columns without a
// name (the empty ones spreadsheets leave at the end) may repeat.
void refuse_repeated_names(const std::string& path, const std::vector<std::string>& names) {
  std::unordered_map<std::string, std::size_t> first_column;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string name = fold_name(names[i]);
    if (name.empty()) continue;
    const auto [seen, added] = first_column.emplace(std::move(name), i);
    if (!added)
      throw InputError(path + " line 1: the column name \"" + names[i] +
                       "\" is given twice (columns " + std::to_string(seen->second + 1) + " and " +
                       std::to_string(i + 1) + "); rename or remove one");
  }
}

}  // namespace

std::string fold_name(std::string_view name) { return lower_case(std::string(trim(name))); }

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

CsvHeader read_csv_header(const std::string& path) {
  File f = open_for_reading(path);
  constexpr std::size_t kMaxHeader = 1u << 20;
  std::string head(kMaxHeader, '\0');
  head.resize(std::fread(head.data(), 1, head.size(), f.get()));
  if (std::ferror(f.get())) throw InputError(path + ": cannot be read (the file may be damaged)");
  std::size_t offset = 0;
  if (std::string_view(head).substr(0, kBom.size()) == kBom) offset = kBom.size();
  std::string_view rest = std::string_view(head).substr(offset);
  if (trim(rest).empty())
    throw InputError(path + ": the file is empty; it should start with a line naming the columns");
  if (rest.front() == '\n' || rest.substr(0, 2) == "\r\n")
    throw InputError(
        path +
        " line 1: the first line is empty; it should name the columns, such as postcode,channel");
  const std::size_t end = last_record_end(rest);
  // The header is the first record: cut at its end (the first break outside quotes).
  std::size_t header_end = 0;
  {
    bool in_quotes = false;
    for (std::size_t i = 0; i < rest.size(); ++i) {
      if (rest[i] == '"')
        in_quotes = !in_quotes;
      else if (rest[i] == '\n' && !in_quotes) {
        header_end = i + 1;
        break;
      }
    }
    if (header_end == 0) {
      if (head.size() == kMaxHeader || end != 0)
        throw InputError(path +
                         " line 1: the first line is too long or has a quote that is never closed");
      header_end = rest.size();  // a file that is only a header
    }
  }
  RecordSplitter splitter(rest.substr(0, header_end), 1);
  Record record;
  if (!splitter.next(record))
    throw InputError(
        path + " line 1: " +
        (splitter.fault() ? splitter.fault()->message : "the first line should name the columns"));
  CsvHeader header;
  for (const auto& field : record.fields) header.names.emplace_back(trim(field));
  refuse_repeated_names(path, header.names);
  header.data_offset = offset + header_end;
  header.data_line = 1 + count_line_breaks(rest.substr(0, header_end));
  return header;
}

namespace {

struct Block {
  std::string data;
  std::uint64_t first_line = 0;
};

// The blocks between the reader and the workers, and the first fault in file order.
class BlockQueue {
 public:
  BlockQueue(std::size_t capacity,
             const std::function<std::optional<std::string>(int, const Record&)>& on_record)
      : capacity_(capacity), on_record_(on_record) {}

  // Waits for room; false when reading should stop.
  bool push(Block block) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stop_ || queue_.size() < capacity_; });
    if (stop_) return false;
    queue_.push_back(std::move(block));
    changed_.notify_all();
    return true;
  }

  // Worker `worker`: parses blocks until there are no more or something stops it.
  void work(int worker) {
    try {
      Record record;
      Block block;
      while (pop(block)) {
        RecordSplitter splitter(block.data, block.first_line);
        while (splitter.next(record)) {
          if (auto problem = on_record_(worker, record)) {
            record_fault(record.line, std::move(*problem));
            break;
          }
        }
        if (const auto& fault = splitter.fault()) record_fault(fault->line, fault->message);
      }
    } catch (...) {
      fail(std::current_exception());
    }
  }

  void fail(std::exception_ptr error) {
    std::lock_guard lock(mutex_);
    if (!failure_) failure_ = error;
    stop_ = true;
    changed_.notify_all();
  }

  void finish_reading() {
    std::lock_guard lock(mutex_);
    finished_reading_ = true;
    changed_.notify_all();
  }

  std::exception_ptr failure() const { return failure_; }
  const std::optional<CsvFault>& fault() const { return fault_; }

 private:
  bool pop(Block& block) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stop_ || !queue_.empty() || finished_reading_; });
    if (stop_ || queue_.empty()) return false;
    block = std::move(queue_.front());
    queue_.pop_front();
    changed_.notify_all();
    return true;
  }

  void record_fault(std::uint64_t line, std::string message) {
    std::lock_guard lock(mutex_);
    if (!fault_ || line < fault_->line) fault_ = CsvFault{line, std::move(message)};
    stop_ = true;
    changed_.notify_all();
  }

  const std::size_t capacity_;
  const std::function<std::optional<std::string>(int, const Record&)>& on_record_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Block> queue_;
  bool finished_reading_ = false;
  bool stop_ = false;
  std::optional<CsvFault> fault_;
  std::exception_ptr failure_;
};

// Reads the file in blocks cut after the last whole record; false on a read error.
bool read_blocks(std::FILE* f, const CsvHeader& header, const StreamOptions& options,
                 std::uint64_t total, BlockQueue& queue) {
  std::string carry;
  std::uint64_t line = header.data_line;
  std::uint64_t done = header.data_offset;
  while (true) {
    std::string buffer;
    buffer.resize(carry.size() + options.block_bytes);
    std::memcpy(buffer.data(), carry.data(), carry.size());
    const std::size_t got = std::fread(buffer.data() + carry.size(), 1, options.block_bytes, f);
    if (std::ferror(f)) return false;
    buffer.resize(carry.size() + got);
    carry.clear();
    done += got;
    if (options.progress) options.progress(done, total);
    const bool at_end = got < options.block_bytes;
    if (at_end && buffer.empty()) return true;
    std::size_t cut = at_end ? buffer.size() : last_record_end(buffer);
    if (cut == 0) {
      if (buffer.size() < options.max_record_bytes) {
        carry = std::move(buffer);
        continue;
      }
      cut = buffer.size();  // an unclosed quote: let the parser report where it opened
    }
    carry.assign(buffer, cut, std::string::npos);
    buffer.resize(cut);
    const std::uint64_t lines = count_line_breaks(buffer);
    if (!buffer.empty() && !queue.push(Block{std::move(buffer), line})) return true;
    line += lines;
    if (at_end) return true;  // at the end the cut is the whole buffer: nothing is carried
  }
}

}  // namespace

std::optional<CsvFault> stream_csv(
    const std::string& path, const CsvHeader& header, const StreamOptions& options,
    const std::function<std::optional<std::string>(int worker, const Record& record)>& on_record) {
  File f = open_for_reading(path);
  if (std::fseek(f.get(), static_cast<long>(header.data_offset), SEEK_SET) != 0)
    throw InputError(path + ": cannot be read (the file may be damaged)");
  std::error_code size_error;
  const std::uint64_t total = std::filesystem::file_size(path, size_error);

  const int threads = std::max(1, options.threads);
  BlockQueue queue(static_cast<std::size_t>(threads) + 1, on_record);
  std::vector<std::thread> workers;
  for (int w = 0; w < threads; ++w) workers.emplace_back([&queue, w] { queue.work(w); });
  bool read_error = false;
  try {
    read_error = !read_blocks(f.get(), header, options, total, queue);
  } catch (...) {
    queue.fail(std::current_exception());
  }
  queue.finish_reading();
  for (auto& t : workers) t.join();
  if (queue.failure()) std::rethrow_exception(queue.failure());
  if (read_error)
    throw InputError(path + ": reading stopped part way through (the file may be damaged)");
  return queue.fault();
}

}  // namespace eqv::profiling::detail
