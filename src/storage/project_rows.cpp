#include "project_rows.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <functional>
#include <unordered_map>

#include "row_fields.hpp"

namespace eqv::storage::detail {

// ------------------------------------------------------------------------------- one row

void bind_value(SQLite::Statement& q, int index, const FieldInfo& f, const std::string& text) {
  if (f.optional && text.empty()) {
    q.bind(index);  // NULL: the value is absent
  } else if (f.kind == FieldKind::whole) {
    q.bind(index, static_cast<std::int64_t>(std::stoll(text)));
  } else if (f.kind == FieldKind::flag) {
    q.bind(index, text == "true" ? 1 : 0);
  } else {
    q.bind(index, f.stored_text(text));
  }
}

Decimal RowReader::decimal(SQLite::Statement& q, int column) const {
  const std::string value = q.getColumn(column).getString();
  auto d = parse_decimal(value);
  if (!d) fail(q, column, "\"" + value.substr(0, 40) + "\" is not a number");
  return *d;
}

std::optional<std::string> RowReader::text(SQLite::Statement& q, int column,
                                           const FieldInfo& f) const {
  const auto value = q.getColumn(column);
  if (value.isNull()) return std::nullopt;
  if (f.kind == FieldKind::whole) return std::to_string(value.getInt64());
  if (f.kind == FieldKind::flag) return std::string(value.getInt() != 0 ? "true" : "false");
  return f.text_of_stored(value.getString());
}

void RowReader::fail(SQLite::Statement& q, int column, const std::string& why) const {
  throw InputError(path_ + ": the project file is damaged: " + table_ + "." +
                   q.getColumnName(column) + " " + why +
                   "; restore the file from a backup or re-import it from JSON");
}

namespace {

std::string text(const Decimal& d) { return to_exact_string(d); }

void run(SQLite::Statement& q) {
  q.exec();
  q.reset();
  q.clearBindings();
}

// "INSERT INTO outcome (change_id, position, code, ...) VALUES (?, ?, ?, ...)"
template <typename R>
std::string insert_sql(const char* table, const char* keys, int key_count,
                       const Fields<R>& fields) {
  return std::string("INSERT INTO ") + table + " (" + keys + ", " + columns_of(fields) +
         ") VALUES (" + placeholders(key_count + column_count(fields)) + ")";
}

// "SELECT change_id, code, ... FROM stakeholder ORDER BY change_id, position"
template <typename R>
std::string select_sql(const char* table, const char* keys, const Fields<R>& fields,
                       const char* order) {
  return std::string("SELECT ") + keys + ", " + columns_of(fields) + " FROM " + table + order;
}

// Inserts the rows of one list under its parent row, at their positions.
template <typename R>
void insert_list(SQLite::Statement& q, std::int64_t parent, const std::vector<R>& items,
                 const Fields<R>& fields) {
  int position = 0;
  for (const auto& x : items) {
    q.bind(1, parent);
    q.bind(2, position++);
    bind_fields(q, 3, x, fields);
    run(q);
  }
}

// ------------------------------------------------------------------------------- the header

void write_settings(SQLite::Database& db, const Project& project) {
  const auto& fields = project_settings_fields();
  SQLite::Statement p(db, "INSERT INTO project (id, segment_scheme, " + columns_of(fields) +
                              ") VALUES (1, ?, " + placeholders(column_count(fields)) + ")");
  p.bind(1, project.segments.scheme);
  bind_fields(p, 2, project.project, fields);
  p.exec();
}

void write_settings_lists(SQLite::Database& db, const ProjectSettings& s) {
  SQLite::Statement d(db, "INSERT INTO deflator (year, idx) VALUES (?, ?)");
  for (const auto& [year, index] : s.deflators) {
    d.bind(1, year);
    d.bind(2, text(index));
    run(d);
  }
  SQLite::Statement add(db, "INSERT INTO eqia_addition (position, addition) VALUES (?, ?)");
  int position = 0;
  for (const auto& addition : s.eqia_additions) {
    add.bind(1, position++);
    add.bind(2, addition);
    run(add);
  }
  SQLite::Statement cost(db, "INSERT INTO channel_cost (channel, cost) VALUES (?, ?)");
  for (const auto& [channel, pounds] : s.channel_costs) {
    cost.bind(1, channel);
    cost.bind(2, text(pounds));
    run(cost);
  }
}

void write_characteristics(SQLite::Database& db, const SegmentScheme& scheme) {
  SQLite::Statement ch(db, "INSERT INTO characteristic (position, name) VALUES (?, ?)");
  SQLite::Statement cat(
      db, "INSERT INTO category (characteristic_id, position, name) VALUES (?, ?, ?)");
  int position = 0;
  for (const auto& c : scheme.characteristics) {
    ch.bind(1, position++);
    ch.bind(2, c.name);
    run(ch);
    const std::int64_t id = db.getLastInsertRowid();
    int cpos = 0;
    for (const auto& name : c.categories) {
      cat.bind(1, id);
      cat.bind(2, cpos++);
      cat.bind(3, name);
      run(cat);
    }
  }
}

// Each joint characteristic's crossed characteristics, in order (schema version 3).
void write_intersections(SQLite::Database& db, const SegmentScheme& scheme) {
  SQLite::Statement joint(
      db, "INSERT INTO intersection (characteristic, position, crosses) VALUES (?, ?, ?)");
  for (const auto& [name, crosses] : scheme.intersections) {
    int position = 0;
    for (const auto& crossed : crosses) {
      joint.bind(1, name);
      joint.bind(2, position++);
      joint.bind(3, crossed);
      run(joint);
    }
  }
}

void write_segments(SQLite::Database& db, const SegmentScheme& scheme) {
  SQLite::Statement seg(db, insert_sql("segment", "position", 1, segment_fields()));
  SQLite::Statement comp(
      db,
      "INSERT INTO composition (segment_id, characteristic, category, share) VALUES (?, ?, ?, ?)");
  int position = 0;
  for (const auto& item : scheme.items) {
    seg.bind(1, position++);
    bind_fields(seg, 2, item, segment_fields());
    run(seg);
    const std::int64_t id = db.getLastInsertRowid();
    for (const auto& [characteristic, shares] : item.composition) {
      for (const auto& [category, share] : shares) {
        comp.bind(1, id);
        comp.bind(2, characteristic);
        comp.bind(3, category);
        comp.bind(4, text(share));
        run(comp);
      }
    }
  }
}

void write_proxy_library(SQLite::Database& db, const std::vector<LibraryProxy>& library) {
  SQLite::Statement q(db, insert_sql("library_proxy", "position", 1, library_proxy_fields()));
  int position = 0;
  for (const auto& row : library) {
    q.bind(1, position++);
    bind_fields(q, 2, row, library_proxy_fields());
    run(q);
  }
}

}  // namespace

// ------------------------------------------------------------------------------- writing

void write_project_header(SQLite::Database& db, const Project& project) {
  db.exec(
      "DELETE FROM project; DELETE FROM deflator; DELETE FROM eqia_addition; DELETE FROM "
      "channel_cost; "
      "DELETE FROM characteristic; DELETE FROM segment; DELETE FROM library_proxy; "
      "DELETE FROM intersection;");
  write_settings(db, project);
  write_settings_lists(db, project.project);
  write_characteristics(db, project.segments);
  write_intersections(db, project.segments);
  write_segments(db, project.segments);
  write_proxy_library(db, project.proxy_library);
}

struct ChangeWriter::Statements {
  explicit Statements(SQLite::Database& db)
      : change(db, "INSERT INTO change (position, " + columns_of(change_fields()) + ", " +
                       columns_of(sroi_fields()) + ") VALUES (?, " +
                       placeholders(column_count(change_fields()) + column_count(sroi_fields())) +
                       ")"),
        stakeholder(db, insert_sql("stakeholder", "change_id, position", 2, stakeholder_fields())),
        input(db, insert_sql("input", "change_id, position", 2, input_fields())),
        outcome(db, insert_sql("outcome", "change_id, position", 2, outcome_fields())),
        range(db, insert_sql("outcome_range", "outcome_id, assumption", 2, range_fields())),
        affected(db, insert_sql("affected_segment", "change_id, position", 2,
                                affected_segment_fields())),
        eqia(db, insert_sql("eqia", "change_id", 1, eqia_fields())),
        screening(db, insert_sql("screening", "change_id, position", 2, screening_fields())),
        impact(db, insert_sql("impact", "change_id, position", 2, impact_fields())),
        gap(db, "INSERT INTO impact_data_gap (impact_id, position, gap) VALUES (?, ?, ?)"),
        group(db, "INSERT INTO impact_group (impact_id, position, name) VALUES (?, ?, ?)"),
        action(db, insert_sql("eqia_action", "change_id, position", 2, action_fields())),
        event(db, insert_sql("workflow_event", "change_id, position", 2, workflow_event_fields())) {
  }
  SQLite::Statement change, stakeholder, input, outcome, range, affected, eqia, screening, impact,
      gap, group, action, event;
};

ChangeWriter::ChangeWriter(SQLite::Database& db) : db_(db), st_(std::make_unique<Statements>(db)) {}
ChangeWriter::~ChangeWriter() = default;

std::int64_t ChangeWriter::insert(const ServiceChange& c, int position) {
  auto& st = *st_;
  st.change.bind(1, position);
  bind_fields(st.change, bind_fields(st.change, 2, c, change_fields()), c.sroi, sroi_fields());
  run(st.change);
  const std::int64_t row = db_.getLastInsertRowid();
  insert_list(st.stakeholder, row, c.sroi.stakeholders, stakeholder_fields());
  insert_list(st.input, row, c.sroi.inputs, input_fields());
  insert_outcomes(row, c.sroi.outcomes);
  insert_list(st.affected, row, c.affected_segments, affected_segment_fields());
  if (c.eqia) insert_eqia(row, *c.eqia);
  return row;
}

void ChangeWriter::insert_outcomes(std::int64_t row, const std::vector<Outcome>& outcomes) {
  auto& st = *st_;
  int position = 0;
  for (const auto& o : outcomes) {
    st.outcome.bind(1, row);
    st.outcome.bind(2, position++);
    bind_fields(st.outcome, 3, o, outcome_fields());
    run(st.outcome);
    const std::int64_t outcome_row = db_.getLastInsertRowid();
    for (const auto& [assumption, r] : o.ranges) {
      st.range.bind(1, outcome_row);
      st.range.bind(2, assumption_name(assumption));
      bind_fields(st.range, 3, r, range_fields());
      run(st.range);
    }
  }
}

void ChangeWriter::insert_eqia(std::int64_t row, const Eqia& e) {
  auto& st = *st_;
  st.eqia.bind(1, row);
  bind_fields(st.eqia, 2, e, eqia_fields());
  run(st.eqia);
  insert_list(st.screening, row, e.screening, screening_fields());
  int position = 0;
  for (const auto& im : e.impacts) {
    st.impact.bind(1, row);
    st.impact.bind(2, position++);
    bind_fields(st.impact, 3, im, impact_fields());
    run(st.impact);
    const std::int64_t impact_row = db_.getLastInsertRowid();
    int g = 0;
    for (const auto& gap : im.data_gaps) {
      st.gap.bind(1, impact_row);
      st.gap.bind(2, g++);
      st.gap.bind(3, gap);
      run(st.gap);
    }
    int n = 0;
    for (const auto& name : im.groups) {
      st.group.bind(1, impact_row);
      st.group.bind(2, n++);
      st.group.bind(3, name);
      run(st.group);
    }
  }
  insert_list(st.action, row, e.actions, action_fields());
  insert_list(st.event, row, e.history, workflow_event_fields());
}

void delete_change(SQLite::Database& db, std::int64_t row) {
  SQLite::Statement q(db, "DELETE FROM change WHERE id = ?");
  q.bind(1, row);
  q.exec();
}

void set_change_position(SQLite::Database& db, std::int64_t row, int position) {
  SQLite::Statement q(db, "UPDATE change SET position = ? WHERE id = ?");
  q.bind(1, position);
  q.bind(2, row);
  q.exec();
}

std::vector<std::int64_t> write_project(SQLite::Database& db, const Project& project) {
  write_project_header(db, project);
  ChangeWriter writer(db);
  std::vector<std::int64_t> rows;
  rows.reserve(project.changes.size());
  int position = 0;
  for (const auto& c : project.changes) rows.push_back(writer.insert(c, position++));
  return rows;
}

// ------------------------------------------------------------------------------- reading

namespace {

// The project being read, with the changes found so far by row id.
struct ReadState {
  SQLite::Database& db;
  const std::string& path;
  Project& project;
  std::unordered_map<std::int64_t, std::size_t> change_index;

  ServiceChange& change(std::int64_t row) { return project.changes.at(change_index.at(row)); }
  Eqia& eqia(std::int64_t row) {
    auto& c = change(row);
    if (!c.eqia)
      throw InputError(path +
                       ": the project file is damaged: assessment rows without an assessment; "
                       "restore it from a backup");
    return *c.eqia;
  }
};

void read_settings(ReadState& s) {
  const auto& fields = project_settings_fields();
  RowReader r(s.path, "project");
  SQLite::Statement q(
      s.db, "SELECT segment_scheme, " + columns_of(fields) + " FROM project WHERE id = 1");
  if (!q.executeStep())
    throw InputError(
        s.path +
        ": the project file is damaged: it has no project settings; restore it from a backup");
  s.project.segments.scheme = q.getColumn(0).getString();
  r.fields(q, 1, s.project.project, fields);
}

void read_proxy_library(ReadState& s) {
  RowReader r(s.path, "library_proxy");
  SQLite::Statement q(
      s.db, select_sql("library_proxy", "position", library_proxy_fields(), " ORDER BY position"));
  while (q.executeStep()) {
    LibraryProxy row;
    r.fields(q, 1, row, library_proxy_fields());
    s.project.proxy_library.push_back(std::move(row));
  }
}

void read_settings_lists(ReadState& s) {
  auto& settings = s.project.project;
  RowReader r(s.path, "deflator");
  SQLite::Statement q(s.db, "SELECT year, idx FROM deflator ORDER BY year");
  while (q.executeStep()) settings.deflators[r.whole(q, 0)] = r.decimal(q, 1);
  SQLite::Statement a(s.db, "SELECT addition FROM eqia_addition ORDER BY position");
  while (a.executeStep()) settings.eqia_additions.push_back(a.getColumn(0).getString());
  RowReader rc(s.path, "channel_cost");
  SQLite::Statement c(s.db, "SELECT channel, cost FROM channel_cost");
  while (c.executeStep()) settings.channel_costs[c.getColumn(0).getString()] = rc.decimal(c, 1);
}

void read_characteristics(ReadState& s) {
  auto& chars = s.project.segments.characteristics;
  std::unordered_map<std::int64_t, std::size_t> index;
  SQLite::Statement q(s.db, "SELECT id, name FROM characteristic ORDER BY position");
  while (q.executeStep()) {
    index[q.getColumn(0).getInt64()] = chars.size();
    chars.push_back({q.getColumn(1).getString(), {}});
  }
  SQLite::Statement c(
      s.db, "SELECT characteristic_id, name FROM category ORDER BY characteristic_id, position");
  while (c.executeStep())
    chars.at(index.at(c.getColumn(0).getInt64())).categories.push_back(c.getColumn(1).getString());
  SQLite::Statement j(
      s.db, "SELECT characteristic, crosses FROM intersection ORDER BY characteristic, position");
  while (j.executeStep())
    s.project.segments.intersections[j.getColumn(0).getString()].push_back(
        j.getColumn(1).getString());
}

void read_segments(ReadState& s) {
  auto& items = s.project.segments.items;
  std::unordered_map<std::int64_t, std::size_t> index;
  RowReader r(s.path, "segment");
  SQLite::Statement q(s.db, select_sql("segment", "id", segment_fields(), " ORDER BY position"));
  while (q.executeStep()) {
    index[q.getColumn(0).getInt64()] = items.size();
    Segment seg;
    r.fields(q, 1, seg, segment_fields());
    items.push_back(std::move(seg));
  }
  RowReader rc(s.path, "composition");
  SQLite::Statement c(s.db, "SELECT segment_id, characteristic, category, share FROM composition");
  while (c.executeStep())
    items.at(index.at(c.getColumn(0).getInt64()))
        .composition[c.getColumn(1).getString()][c.getColumn(2).getString()] = rc.decimal(c, 3);
}

void read_changes(ReadState& s, std::vector<std::int64_t>& change_rows) {
  RowReader r(s.path, "change");
  SQLite::Statement q(s.db, "SELECT id, " + columns_of(change_fields()) + ", " +
                                columns_of(sroi_fields()) + " FROM change ORDER BY position");
  change_rows.clear();
  while (q.executeStep()) {
    const std::int64_t row = q.getColumn(0).getInt64();
    s.change_index[row] = s.project.changes.size();
    change_rows.push_back(row);
    ServiceChange c;
    r.fields(q, r.fields(q, 1, c, change_fields()), c.sroi, sroi_fields());
    s.project.changes.push_back(std::move(c));
  }
}

// Reads the rows of a list held by each change (or by its assessment), in their order.
template <typename R>
void read_list(ReadState& s, const char* table, const Fields<R>& fields,
               const std::function<std::vector<R>&(std::int64_t)>& list_of) {
  RowReader r(s.path, table);
  SQLite::Statement q(s.db,
                      select_sql(table, "change_id", fields, " ORDER BY change_id, position"));
  while (q.executeStep()) {
    R record;
    r.fields(q, 1, record, fields);
    list_of(q.getColumn(0).getInt64()).push_back(std::move(record));
  }
}

void read_outcomes(ReadState& s) {
  RowReader r(s.path, "outcome");
  std::unordered_map<std::int64_t, std::pair<std::size_t, std::size_t>> places;
  SQLite::Statement q(s.db, select_sql("outcome", "change_id, id", outcome_fields(),
                                       " ORDER BY change_id, position"));
  while (q.executeStep()) {
    Outcome o;
    r.fields(q, 2, o, outcome_fields());
    const std::size_t ci = s.change_index.at(q.getColumn(0).getInt64());
    auto& outcomes = s.project.changes[ci].sroi.outcomes;
    places[q.getColumn(1).getInt64()] = {ci, outcomes.size()};
    outcomes.push_back(std::move(o));
  }
  RowReader rr(s.path, "outcome_range");
  SQLite::Statement g(s.db,
                      select_sql("outcome_range", "outcome_id, assumption", range_fields(), ""));
  while (g.executeStep()) {
    const auto [ci, oi] = places.at(g.getColumn(0).getInt64());
    const auto assumption = assumption_from_name(g.getColumn(1).getString());
    if (!assumption)
      rr.fail(
          g, 1,
          "\"" + g.getColumn(1).getString().substr(0, 40) + "\" is not a value Equivalue knows");
    Range range;
    rr.fields(g, 2, range, range_fields());
    s.project.changes[ci].sroi.outcomes[oi].ranges[*assumption] = range;
  }
}

void read_eqias(ReadState& s) {
  RowReader r(s.path, "eqia");
  SQLite::Statement q(s.db, select_sql("eqia", "change_id", eqia_fields(), ""));
  while (q.executeStep()) {
    Eqia e;
    r.fields(q, 1, e, eqia_fields());
    s.change(q.getColumn(0).getInt64()).eqia = std::move(e);
  }
}

void read_impacts(ReadState& s) {
  RowReader r(s.path, "impact");
  std::vector<std::pair<std::int64_t, std::pair<std::size_t, std::size_t>>> places;
  SQLite::Statement q(s.db, select_sql("impact", "change_id, id", impact_fields(),
                                       " ORDER BY change_id, position"));
  while (q.executeStep()) {
    Impact im;
    r.fields(q, 2, im, impact_fields());
    auto& list = s.eqia(q.getColumn(0).getInt64()).impacts;
    places.push_back(
        {q.getColumn(1).getInt64(), {s.change_index.at(q.getColumn(0).getInt64()), list.size()}});
    list.push_back(std::move(im));
  }
  // Pointers only once every list has stopped growing.
  std::unordered_map<std::int64_t, Impact*> impacts;
  for (const auto& [row, place] : places)
    impacts[row] = &s.project.changes[place.first].eqia->impacts[place.second];
  SQLite::Statement g(s.db,
                      "SELECT impact_id, gap FROM impact_data_gap ORDER BY impact_id, position");
  while (g.executeStep())
    impacts.at(g.getColumn(0).getInt64())->data_gaps.push_back(g.getColumn(1).getString());
  SQLite::Statement n(s.db,
                      "SELECT impact_id, name FROM impact_group ORDER BY impact_id, position");
  while (n.executeStep())
    impacts.at(n.getColumn(0).getInt64())->groups.push_back(n.getColumn(1).getString());
}

}  // namespace

Project read_project(SQLite::Database& db, const std::string& path,
                     std::vector<std::int64_t>& change_rows) {
  Project project;
  ReadState s{db, path, project, {}};
  read_settings(s);
  read_settings_lists(s);
  read_proxy_library(s);
  read_characteristics(s);
  read_segments(s);
  // Service changes, then each child table in one pass, placed by the change's row id.
  read_changes(s, change_rows);
  read_list<Stakeholder>(
      s, "stakeholder", stakeholder_fields(), [&](std::int64_t row) -> auto& {
        return s.change(row).sroi.stakeholders;
      });
  read_list<Input>(
      s, "input",
      input_fields(), [&](std::int64_t row) -> auto& { return s.change(row).sroi.inputs; });
  read_outcomes(s);
  read_list<AffectedSegment>(
      s, "affected_segment", affected_segment_fields(), [&](std::int64_t row) -> auto& {
        return s.change(row).affected_segments;
      });
  read_eqias(s);
  read_list<Screening>(
      s, "screening",
      screening_fields(), [&](std::int64_t row) -> auto& { return s.eqia(row).screening; });
  read_impacts(s);
  read_list<Action>(
      s, "eqia_action",
      action_fields(), [&](std::int64_t row) -> auto& { return s.eqia(row).actions; });
  read_list<WorkflowEvent>(
      s, "workflow_event",
      workflow_event_fields(), [&](std::int64_t row) -> auto& { return s.eqia(row).history; });
  return project;
}

}  // namespace eqv::storage::detail
