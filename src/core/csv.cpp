#include "equivalue/core/csv.hpp"

#include <algorithm>
#include <cstring>

#include "equivalue/core/text.hpp"

namespace eqv {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::uint64_t count_line_breaks(std::string_view text) {
  return static_cast<std::uint64_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

bool CsvSplitter::stop(std::uint64_t line, std::string message) {
  fault_ = CsvFault{line, std::move(message)};
  return false;
}

// Moves past wholly empty lines; false at the end of the text.
bool CsvSplitter::skip_empty_lines() {
  const std::size_t size = text_.size();
  while (pos_ < size) {
    if (text_[pos_] == '\n') {
      ++pos_;
      ++line_;
    } else if (text_[pos_] == '\r' && pos_ + 1 < size && text_[pos_ + 1] == '\n') {
      pos_ += 2;
      ++line_;
    } else {
      return true;
    }
  }
  return false;
}

// A quoted value from its opening quote at pos_ to the next quote that is not doubled; a
// value holding doubled quotes is unescaped into scratch_. Spaces after it are skipped.
bool CsvSplitter::quoted_value(std::string_view& value, std::size_t& scratch_used) {
  const std::size_t size = text_.size();
  const std::uint64_t opened_on = line_;
  std::size_t start = pos_ + 1;
  std::string* unescaped = nullptr;
  while (true) {
    const void* found = std::memchr(text_.data() + start, '"', size - start);
    if (!found) return stop(opened_on, "a quoted value is not closed: add the closing \"");
    const auto q = static_cast<std::size_t>(static_cast<const char*>(found) - text_.data());
    const std::string_view piece = text_.substr(start, q - start);
    line_ += count_line_breaks(piece);
    if (q + 1 < size && text_[q + 1] == '"') {  // doubled quote: a literal "
      if (!unescaped) {
        if (scratch_used == scratch_.size()) scratch_.emplace_back();
        unescaped = &scratch_[scratch_used++];
        unescaped->clear();
      }
      unescaped->append(piece);
      unescaped->push_back('"');
      start = q + 2;
      continue;
    }
    if (unescaped) unescaped->append(piece);
    value = unescaped ? std::string_view(*unescaped) : piece;
    pos_ = q + 1;
    break;
  }
  while (pos_ < size && is_space(text_[pos_])) ++pos_;
  if (pos_ + 1 < size && text_[pos_] == '\r' && text_[pos_ + 1] == '\n') ++pos_;
  if (pos_ < size && text_[pos_] != ',' && text_[pos_] != '\n')
    return stop(line_,
                "there is text after a closing quote; wrap the whole value in quotes and double "
                "any quote inside it");
  return true;
}

// A value not in quotes, up to the next comma or line end (a CR before the LF dropped).
bool CsvSplitter::plain_value(std::string_view& value) {
  const std::size_t size = text_.size();
  const std::size_t start = pos_;
  while (pos_ < size && text_[pos_] != ',' && text_[pos_] != '\n') {
    if (text_[pos_] == '"')
      return stop(line_,
                  "a quote (\") appears inside a value that does not start with a quote; wrap "
                  "the whole value in quotes and double the quote inside it");
    ++pos_;
  }
  std::size_t end = pos_;
  if (end > start && text_[end - 1] == '\r' && (pos_ >= size || text_[pos_] == '\n')) --end;
  value = text_.substr(start, end - start);
  return true;
}

bool CsvSplitter::next(CsvView& record) {
  if (fault_ || !skip_empty_lines()) return false;
  const std::size_t size = text_.size();
  record.fields.clear();
  record.line = line_;
  std::size_t scratch_used = 0;
  while (true) {
    std::size_t lead = pos_;
    while (lead < size && is_space(text_[lead])) ++lead;
    std::string_view value;
    if (lead < size && text_[lead] == '"') {
      pos_ = lead;
      if (!quoted_value(value, scratch_used)) return false;
    } else if (!plain_value(value)) {
      return false;
    }
    record.fields.push_back(value);
    if (pos_ >= size) return true;
    if (text_[pos_] == '\n') {
      ++pos_;
      ++line_;
      return true;
    }
    ++pos_;  // the comma; a comma at the very end of a line means one more, empty, value
    if (pos_ >= size || text_[pos_] == '\n' ||
        (text_[pos_] == '\r' && pos_ + 1 < size && text_[pos_ + 1] == '\n')) {
      record.fields.emplace_back();
      if (pos_ < size) {
        pos_ += text_[pos_] == '\r' ? 2 : 1;
        ++line_;
      }
      return true;
    }
  }
}

CsvRead read_csv(std::string_view text) {
  CsvRead out;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  CsvSplitter splitter(text);
  CsvView view;
  while (splitter.next(view)) {
    CsvRecord record{view.line, {}};
    for (const std::string_view v : view.fields) record.fields.push_back(trimmed(std::string(v)));
    const bool blank = record.fields.size() == 1 && record.fields[0].empty();
    if (!blank) out.records.push_back(std::move(record));
  }
  out.fault = splitter.fault();
  return out;
}

int csv_column(const std::vector<std::string>& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (lower_case(trimmed(header[i])) == name) return static_cast<int>(i);
  return -1;
}

}  // namespace eqv
