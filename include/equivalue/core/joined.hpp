// A list for a sentence or a cell: "C2, C3".
#pragma once

#include <string>
#include <vector>

namespace eqv {

inline std::string joined(const std::vector<std::string>& items,
                          const std::string& separator = ", ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

}  // namespace eqv
