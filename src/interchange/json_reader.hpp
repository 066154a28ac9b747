// The second step of reading equivalue/1: a JSON tree into the model, one record at a time,
// collecting every problem with its path. Each record's fields are read as the field
// registry (equivalue/core/fields.hpp) describes them; only the structure (lists, maps,
// the discount) is read by hand. Private to the interchange library.
#pragma once

#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "equivalue/core/fields.hpp"
#include "equivalue/core/validation.hpp"
#include "json_tree.hpp"

namespace eqv::json_detail {

const char* type_words(const json& v);

class Reader {
 public:
  Problems problems;
  Problems ignored;  // fields Equivalue does not know, left out of the project

  void add(const std::string& path, std::string message) {
    problems.push_back({path, std::move(message)});
  }

  // Checks that `v` is an object. A field name close to a known one is a problem ("did you
  // mean"); any other unknown name is listed in `ignored` unless `note_unknown` is false
  // (the caller reports it itself).
  bool object(const json& v, const std::string& path, const std::vector<std::string>& known,
              bool note_unknown = true);

  const json* member(const json& obj, const std::string& key) const;

  std::optional<Decimal> decimal_value(const json& v, const std::string& path);
  void decimal(const json& obj, const char* key, const std::string& parent, Decimal& out,
               bool required = false);
  std::optional<long long> whole_value(const json& v, const std::string& path);
  // The text of a text field (an id written as a number, 1, is the text "1").
  std::optional<std::string> text_value(const json& v, const std::string& path);
  void strings(const json& obj, const char* key, const std::string& parent,
               std::vector<std::string>& out);

  // Calls each(item, path) for every element of the list `key` (absent = empty).
  template <typename Each>
  void list(const json& obj, const char* key, const std::string& parent, Each each) {
    const json* v = member(obj, key);
    if (!v || v->is_null()) return;
    const std::string path = field_path(parent, key);
    if (!v->is_array()) {
      add(path, std::string("must be a list [ ... ], got ") + type_words(*v));
      return;
    }
    for (std::size_t i = 0; i < v->size(); ++i) each((*v)[i], path + "[" + std::to_string(i) + "]");
  }

  // One field's value in the registry's text form; nothing (the problem noted) when it is
  // absent or cannot be read.
  std::optional<std::string> field_text(const json& v, const FieldInfo& f, const std::string& path);
};

// The names a record's object may hold: its fields (a nested object by its name) and `more`.
template <typename R>
std::vector<std::string> known_keys(const Fields<R>& fields,
                                    std::initializer_list<const char*> more = {}) {
  std::vector<std::string> out;
  for (const auto& f : fields) {
    const std::string first = f.group().empty() ? f.name : f.group();
    if (out.empty() || out.back() != first) out.push_back(first);
  }
  for (const char* m : more) out.push_back(m);
  return out;
}

// The names inside one nested object: "value", "unit"... of "proxy".
template <typename R>
std::vector<std::string> group_keys(const Fields<R>& fields, const std::string& group) {
  std::vector<std::string> out;
  for (const auto& f : fields)
    if (f.group() == group) out.push_back(f.key());
  return out;
}

template <typename R>
void read_field(Reader& r, const json& holder, const std::string& parent, const Field<R>& f,
                R& out) {
  const std::string path = field_path(parent, f.key());
  const json* v = r.member(holder, f.key());
  if (!v || v->is_null()) {
    if (f.required) r.add(path, "is required");
    return;
  }
  if (f.kind == FieldKind::lines) {
    r.strings(holder, f.key().c_str(), parent, f.items(out));
    return;
  }
  const auto text = r.field_text(*v, f, path);
  if (!text || f.set(out, *text)) return;
  if (f.kind == FieldKind::choice)
    r.add(path, "must be one of " + f.allowed() + ", got \"" + *text + "\"");
  else
    r.add(path, "the number " + *text + " is far too large");
}

template <typename R>
bool fields_bare_in(const Fields<R>& fields, const std::string& group) {
  for (const auto& f : fields)
    if (f.bare && f.group() == group) return true;
  return false;
}

// Reads every field of a record that the registry reads (all but those read by hand).
template <typename R>
void read_fields(Reader& r, const json& v, const std::string& path, const Fields<R>& fields,
                 R& out) {
  std::set<std::string> groups_seen;
  for (const auto& f : fields) {
    if (f.written == Written::by_hand) continue;
    const std::string group = f.group();
    if (group.empty()) {
      read_field(r, v, path, f, out);
      continue;
    }
    const json* g = r.member(v, group);
    if (!g || g->is_null()) continue;
    const std::string gpath = field_path(path, group);
    const bool first = groups_seen.insert(group).second;
    if (g->is_object()) {
      if (first) r.object(*g, gpath, group_keys(fields, group));
      read_field(r, *g, gpath, f, out);
    } else if (f.bare) {
      if (auto d = r.decimal_value(*g, gpath)) f.set(out, to_exact_string(*d));
    } else if (first && !fields_bare_in(fields, group)) {
      r.object(*g, gpath, {});
    }
  }
}

// Reads the list `key` of records described by `fields`; `more` reads what the registry
// does not (a nested list), with the names it reads in `more_keys`.
template <typename R, typename More>
void read_records(Reader& r, const json& v, const char* key, const std::string& path,
                  const Fields<R>& fields, std::vector<R>& out,
                  std::initializer_list<const char*> more_keys, More more) {
  r.list(v, key, path, [&](const json& item, const std::string& p) {
    R record;
    if (r.object(item, p, known_keys(fields, more_keys))) {
      read_fields(r, item, p, fields, record);
      more(item, p, record);
    }
    out.push_back(std::move(record));
  });
}

template <typename R>
void read_records(Reader& r, const json& v, const char* key, const std::string& path,
                  const Fields<R>& fields, std::vector<R>& out) {
  read_records(r, v, key, path, fields, out, {}, [](const json&, const std::string&, R&) {});
}

}  // namespace eqv::json_detail
