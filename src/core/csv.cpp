#include "equivalue/core/csv.hpp"

#include <algorithm>

#include "equivalue/core/text.hpp"

namespace eqv {

CsvSplitter::CsvSplitter(std::string_view text, std::uint64_t first_line)
    : text_(text), line_(first_line) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

// A value in quotes, from the opening quote: "" is a quote, anything else up to the
// closing quote is data. False (and a fault) when it is never closed or text follows it.
bool CsvSplitter::quoted_value(std::string& value) {
  const std::uint64_t opened_on = line_;
  ++pos_;
  while (true) {
    const std::size_t q = text_.find('"', pos_);
    if (q == std::string_view::npos) {
      fault_ = CsvFault{opened_on, "a quoted value is not closed: add the closing \""};
      return false;
    }
    const std::string_view piece = text_.substr(pos_, q - pos_);
    line_ += static_cast<std::uint64_t>(std::count(piece.begin(), piece.end(), '\n'));
    value.append(piece);
    pos_ = q + 1;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      value.push_back('"');
      ++pos_;
      continue;
    }
    break;
  }
  std::size_t after = pos_;
  while (after < text_.size() && (text_[after] == ' ' || text_[after] == '\t')) ++after;
  if (after < text_.size() && text_[after] == '\r' && after + 1 < text_.size() &&
      text_[after + 1] == '\n')
    ++after;
  if (after < text_.size() && text_[after] != ',' && text_[after] != '\n') {
    fault_ = CsvFault{
        line_,
        "there is text after a closing quote; wrap the whole value in quotes and double any "
        "quote inside it"};
    return false;
  }
  pos_ = after;
  return true;
}

void CsvSplitter::plain_value(std::string& value) {
  const std::size_t start = pos_;
  while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n') ++pos_;
  value = trimmed(std::string(text_.substr(start, pos_ - start)));
}

bool CsvSplitter::next(CsvRecord& record) {
  record.fields.clear();
  while (!fault_ && pos_ < text_.size()) {
    record.line = line_;
    while (true) {
      std::string value;
      std::size_t lead = pos_;
      while (lead < text_.size() && (text_[lead] == ' ' || text_[lead] == '\t')) ++lead;
      if (lead < text_.size() && text_[lead] == '"') {
        pos_ = lead;
        if (!quoted_value(value)) return false;
      } else {
        plain_value(value);
        if (value.find('"') != std::string::npos) {
          fault_ = CsvFault{
              line_,
              "a quote (\") appears inside a value that does not start with a quote; wrap the "
              "whole value in quotes and double the quote inside it"};
          return false;
        }
      }
      record.fields.push_back(std::move(value));
      if (pos_ >= text_.size()) break;
      const char c = text_[pos_++];
      if (c == '\n') {
        ++line_;
        break;
      }
    }
    const bool blank = record.fields.size() == 1 && record.fields[0].empty();
    if (!blank) return true;
    record.fields.clear();
  }
  return false;
}

CsvRead read_csv(std::string_view text) {
  CsvRead out;
  CsvSplitter splitter(text);
  CsvRecord record;
  while (splitter.next(record)) out.records.push_back(record);
  out.fault = splitter.fault();
  return out;
}

int csv_column(const std::vector<std::string>& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (lower_case(trimmed(header[i])) == name) return static_cast<int>(i);
  return -1;
}

}  // namespace eqv
