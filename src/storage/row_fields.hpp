// A record's fields to and from a row of its table, as the field registry
// (equivalue/core/fields.hpp) describes them: each field with a column is bound and read by
// that column's name, so a table's statements are built from its record's fields.
#pragma once

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <string>

#include "equivalue/core/errors.hpp"
#include "equivalue/core/fields.hpp"

namespace eqv::storage::detail {

// "code, stakeholder, description": the columns of the fields that have one.
template <typename R>
std::string columns_of(const Fields<R>& fields) {
  std::string out;
  for (const auto& f : fields)
    if (!f.column.empty()) out += (out.empty() ? "" : ", ") + f.column;
  return out;
}

template <typename R>
int column_count(const Fields<R>& fields) {
  int n = 0;
  for (const auto& f : fields) n += f.column.empty() ? 0 : 1;
  return n;
}

// "?, ?, ?"
inline std::string placeholders(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

void bind_value(SQLite::Statement& q, int index, const FieldInfo& f, const std::string& text);

// Binds the fields of `record` from parameter `first` on; returns the next parameter.
template <typename R>
int bind_fields(SQLite::Statement& q, int first, const R& record, const Fields<R>& fields) {
  for (const auto& f : fields)
    if (!f.column.empty()) bind_value(q, first++, f, f.get(record));
  return first;
}

// Reads stored values back, naming the table and column of anything unreadable: only a
// damaged or hand-edited file can hold one.
class RowReader {
 public:
  RowReader(const std::string& path, const char* table) : path_(path), table_(table) {}

  Decimal decimal(SQLite::Statement& q, int column) const;
  int whole(SQLite::Statement& q, int column) const { return q.getColumn(column).getInt(); }
  // The text of column `column` for field `f`; nothing when it is NULL (an absent value).
  std::optional<std::string> text(SQLite::Statement& q, int column, const FieldInfo& f) const;
  [[noreturn]] void fail(SQLite::Statement& q, int column, const std::string& why) const;

  // Reads the fields of `record` from column `first` on; returns the next column.
  template <typename R>
  int fields(SQLite::Statement& q, int first, R& record, const Fields<R>& fields) const {
    for (const auto& f : fields) {
      if (f.column.empty()) continue;
      const int column = first++;
      const auto value = text(q, column, f);
      if (!value || f.set(record, *value)) continue;
      const bool number = f.kind == FieldKind::decimal || f.kind == FieldKind::money;
      fail(q, column,
           "\"" + value->substr(0, 40) +
               (number ? "\" is not a number" : "\" is not a value Equivalue knows"));
    }
    return first;
  }

 private:
  const std::string& path_;
  const char* table_;
};

}  // namespace eqv::storage::detail
