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

// An InputError about one input a person gave (a file, a column, a number), named by
// `field` ("channel_column", "outcome_id"). The message names the input in plain words;
// each front end adds where that input is in its own terms (the command line its option,
// the desktop its control), so no library message names a command-line option.
class FieldError : public InputError {
 public:
  FieldError(std::string field, const std::string& message)
      : InputError(message), field_(std::move(field)) {}
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

}  // namespace eqv
