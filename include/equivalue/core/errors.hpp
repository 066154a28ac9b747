// The two kinds of failure a front end reports. Both derive from std::exception and are
// caught once, in each front end's main loop.
#pragma once

#include "equivalue/core/validation.hpp"

#include <stdexcept>
#include <string>

namespace eqv {

// The user's input cannot be used: a file, an option or a value. The CLI exits with 2.
class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message) : std::runtime_error(message) {}
  InputError(const std::string& message, Problems problems)
      : std::runtime_error(message), problems_(std::move(problems)) {}
  const Problems& problems() const { return problems_; }

 private:
  Problems problems_;
};

}  // namespace eqv
