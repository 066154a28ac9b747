// The first step of reading equivalue/1: JSON text to a tree that keeps every number's
// exact text, refuses nesting deeper than any project needs and notes where a fault is.
// Private to the interchange library.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace eqv::json_detail {

using json = nlohmann::ordered_json;  // keeps the file's order (characteristics, categories)

// A JSON number's exact text is kept as a binary value with this subtype: the JSON text
// parser never makes binary values itself, so nothing a user writes can be mistaken for it.
constexpr std::uint8_t kRawNumber = 'N';
constexpr std::size_t kMaxDepth = 64;

class TreeBuilder {
 public:
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  json root;
  std::string error;
  std::size_t error_position = 0;

  bool null() { return add(json(nullptr)); }
  bool boolean(bool v) { return add(json(v)); }
  bool number_integer(number_integer_t v) { return add(json(v)); }
  bool number_unsigned(number_unsigned_t v) { return add(json(v)); }
  bool number_float(number_float_t, const string_t& text) {
    return add(json::binary(std::vector<std::uint8_t>(text.begin(), text.end()), kRawNumber));
  }
  bool string(string_t& v) { return add(json(std::move(v))); }
  bool binary(binary_t&) { return false; }
  bool start_object(std::size_t) { return open(json::object()); }
  bool key(string_t& k) {
    // A field given twice would leave it to chance which value counts: refused, by its path.
    if (stack_.back()->contains(k)) {
      repeated_field = child_path(k);
      return false;
    }
    pending_key_ = &(*stack_.back())[k];
    pending_name_ = k;
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& ex) {
    error_position = position;
    if (ex.id == 406) {  // a number beyond the range of any figure, such as 1e400
      number_out_of_range = true;
      error = "the number " + last_token.substr(0, 40) + " is out of range";
      return false;
    }
    std::string what = ex.what();
    const auto dash = what.find(" - ");
    if (dash != std::string::npos)
      what = what.substr(dash + 3);
    else if (const auto bracket = what.find("] "); bracket != std::string::npos)
      what = what.substr(bracket + 2);
    error = what;
    return false;
  }

 private:
  std::vector<json*> stack_;
  std::vector<std::string> paths_;  // the path of each open container, as in stack_
  json* pending_key_ = nullptr;
  std::string pending_name_;

  // The path of the next value placed: "changes[0].sroi.name" style.
  std::string child_path(const std::string& name) const {
    if (stack_.empty()) return {};
    const std::string& parent = paths_.back();
    if (stack_.back()->is_array())
      return parent + "[" + std::to_string(stack_.back()->size()) + "]";
    return parent.empty() ? name : parent + "." + name;
  }
  bool close() {
    stack_.pop_back();
    paths_.pop_back();
    return true;
  }

  json* place(json&& value) {
    if (stack_.empty()) {
      root = std::move(value);
      return &root;
    }
    json* parent = stack_.back();
    if (parent->is_array()) {
      parent->push_back(std::move(value));
      return &parent->back();
    }
    *pending_key_ = std::move(value);
    return pending_key_;
  }
  bool add(json&& value) {
    place(std::move(value));
    return true;
  }
  bool open(json&& container) {
    if (stack_.size() >= kMaxDepth) {
      error = "the data is nested more than " + std::to_string(kMaxDepth) +
              " levels deep; an Equivalue project never is, so this is not a project file";
      too_deep = true;
      return false;
    }
    paths_.push_back(child_path(pending_name_));
    stack_.push_back(place(std::move(container)));
    return true;
  }

 public:
  bool too_deep = false;
  bool number_out_of_range = false;
  std::string repeated_field;  // the path of a field given twice in one object
};

}  // namespace eqv::json_detail
