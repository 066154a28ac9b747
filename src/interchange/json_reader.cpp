#include "json_reader.hpp"

#include <algorithm>
#include <limits>

namespace eqv::json_detail {
namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] =
          std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

const char* type_words(const json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "true/false";
  if (v.is_binary() || v.is_number()) return "a number";
  if (v.is_string()) return "text";
  if (v.is_array()) return "a list";
  return "an object";
}

bool Reader::object(const json& v, const std::string& path, const std::vector<std::string>& known,
                    bool note_unknown) {
  if (!v.is_object()) {
    add(path, std::string("must be an object { ... }, got ") + type_words(v));
    return false;
  }
  for (const auto& item : v.items()) {
    if (std::find(known.begin(), known.end(), item.key()) != known.end()) continue;
    const std::string* closest = nullptr;
    for (const auto& k : known)
      if (item.key().size() > 3 && edit_distance(item.key(), k) <= 2) closest = &k;
    if (closest)
      add(field_path(path, item.key()),
          "is not a field Equivalue knows; did you mean \"" + *closest + "\"?");
    else if (note_unknown)
      ignored.push_back(
          {field_path(path, item.key()),
           "is not a field Equivalue knows, so it was ignored: it is not part of the project "
           "and is not kept when the project is saved"});
  }
  return true;
}

const json* Reader::member(const json& obj, const std::string& key) const {
  if (!obj.is_object()) return nullptr;
  const auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

std::optional<Decimal> Reader::decimal_value(const json& v, const std::string& path) {
  std::string text;
  if (v.is_number_integer()) {
    text = v.dump();
  } else if (v.is_binary() && v.get_binary().has_subtype() &&
             v.get_binary().subtype() == kRawNumber) {
    text.assign(v.get_binary().begin(), v.get_binary().end());
  } else if (v.is_string()) {
    text = v.get<std::string>();
  } else {
    add(path, std::string("must be a number, got ") + type_words(v));
    return std::nullopt;
  }
  auto d = parse_decimal(text);
  if (!d) {
    if (v.is_string())
      add(path, "\"" + text.substr(0, 40) +
                    "\" is not a number; write digits with a decimal point, such as 1250.50 (no "
                    "commas or £)");
    else
      add(path, "the number " + text.substr(0, 40) + " is out of range");
  }
  return d;
}

void Reader::decimal(const json& obj, const char* key, const std::string& parent, Decimal& out,
                     bool required) {
  const std::string path = field_path(parent, key);
  const json* v = member(obj, key);
  if (!v || v->is_null()) {
    if (required) add(path, "is required");
    return;
  }
  if (auto d = decimal_value(*v, path)) out = *d;
}

std::optional<long long> Reader::whole_value(const json& v, const std::string& path) {
  const auto d = decimal_value(v, path);
  if (!d) return std::nullopt;
  if (*d != floor(*d)) {
    add(path, "must be a whole number, got " + to_exact_string(*d));
    return std::nullopt;
  }
  if (abs(*d) > Decimal("1e15")) {
    add(path, "the number " + to_exact_string(*d) + " is far too large");
    return std::nullopt;
  }
  return d->convert_to<long long>();
}

std::optional<std::string> Reader::text_value(const json& v, const std::string& path) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return v.dump();  // an id written as a number: 1 -> "1"
  add(path, std::string("must be text, got ") + type_words(v));
  return std::nullopt;
}

void Reader::strings(const json& obj, const char* key, const std::string& parent,
                     std::vector<std::string>& out) {
  list(obj, key, parent, [&](const json& item, const std::string& path) {
    if (item.is_string())
      out.push_back(item.get<std::string>());
    else
      add(path, std::string("must be text, got ") + type_words(item));
  });
}

std::optional<std::string> Reader::field_text(const json& v, const FieldInfo& f,
                                              const std::string& path) {
  switch (f.kind) {
    case FieldKind::text:
    case FieldKind::choice:
    case FieldKind::lines:
      return text_value(v, path);
    case FieldKind::decimal:
    case FieldKind::money:
      if (auto d = decimal_value(v, path)) return to_exact_string(*d);
      return std::nullopt;
    case FieldKind::whole:
      if (auto w = whole_value(v, path)) return std::to_string(*w);
      return std::nullopt;
    case FieldKind::flag:
      if (v.is_boolean()) return std::string(v.get<bool>() ? "true" : "false");
      add(path, std::string("must be true or false, got ") + type_words(v));
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace eqv::json_detail
