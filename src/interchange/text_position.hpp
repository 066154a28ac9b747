// Where a byte offset falls in a text, as people count it: "line 3, column 14".
// Private to the interchange library: used by every reader that reports a JSON fault.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace eqv {

inline std::string line_and_column(std::string_view text, std::size_t position) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < position && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace eqv
