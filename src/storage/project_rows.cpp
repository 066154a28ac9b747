#include "project_rows.hpp"

#include "equivalue/core/errors.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <unordered_map>

namespace eqv::storage::detail {
namespace {

std::string text(const Decimal& d) { return to_exact_string(d); }

const char* discount_kind_name(DiscountKind k) { return k == DiscountKind::green_book ? "green-book" : "rate"; }

// Reads stored values back, naming the table and column of anything unreadable: only a
// damaged or hand-edited file can hold one.
class RowReader {
 public:
  RowReader(const std::string& path, const char* table) : path_(path), table_(table) {}

  Decimal decimal(SQLite::Statement& q, int column) const {
    const std::string value = q.getColumn(column).getString();
    auto d = parse_decimal(value);
    if (!d) fail(q, column, "\"" + value.substr(0, 40) + "\" is not a number");
    return *d;
  }
  std::optional<Decimal> optional_decimal(SQLite::Statement& q, int column) const {
    if (q.getColumn(column).isNull()) return std::nullopt;
    return decimal(q, column);
  }
  template <typename Enum>
  Enum choice(SQLite::Statement& q, int column, std::optional<Enum> (*from_name)(const std::string&)) const {
    const std::string value = q.getColumn(column).getString();
    auto e = from_name(value);
    if (!e) fail(q, column, "\"" + value.substr(0, 40) + "\" is not a value Equivalue knows");
    return *e;
  }
  int whole(SQLite::Statement& q, int column) const { return q.getColumn(column).getInt(); }

 private:
  [[noreturn]] void fail(SQLite::Statement& q, int column, const std::string& why) const {
    throw InputError(path_ + ": the project file is damaged: " + table_ + "." + q.getColumnName(column) + " " + why +
                     "; restore the file from a backup or re-import it from JSON");
  }
  const std::string& path_;
  const char* table_;
};

std::optional<DecisionOutcome> decision_or_none(const std::string& name) {
  if (name.empty()) return DecisionOutcome::none;
  return decision_from_name(name);
}

std::optional<Assumption> assumption_of(const std::string& name) { return assumption_from_name(name); }

}  // namespace

// ------------------------------------------------------------------------------- writing

void write_project_header(SQLite::Database& db, const Project& project) {
  const auto& s = project.project;
  db.exec("DELETE FROM project; DELETE FROM deflator; DELETE FROM eqia_addition; DELETE FROM channel_cost; "
          "DELETE FROM characteristic; DELETE FROM segment;");
  SQLite::Statement p(db,
                      "INSERT INTO project (id, name, jurisdiction, base_year, currency, disclosure_threshold, "
                      "flag_ratio, segment_scheme) VALUES (1, ?, ?, ?, ?, ?, ?, ?)");
  p.bind(1, s.name);
  p.bind(2, s.jurisdiction);
  p.bind(3, s.base_year);
  p.bind(4, s.currency);
  p.bind(5, s.disclosure_threshold);
  p.bind(6, text(s.flag_ratio));
  p.bind(7, project.segments.scheme);
  p.exec();

  SQLite::Statement d(db, "INSERT INTO deflator (year, idx) VALUES (?, ?)");
  for (const auto& [year, index] : s.deflators) {
    d.reset();
    d.bind(1, year);
    d.bind(2, text(index));
    d.exec();
  }

  SQLite::Statement add(db, "INSERT INTO eqia_addition (position, addition) VALUES (?, ?)");
  int position = 0;
  for (const auto& addition : s.eqia_additions) {
    add.reset();
    add.bind(1, position++);
    add.bind(2, addition);
    add.exec();
  }
  SQLite::Statement cost(db, "INSERT INTO channel_cost (channel, cost) VALUES (?, ?)");
  for (const auto& [channel, pounds] : s.channel_costs) {
    cost.reset();
    cost.bind(1, channel);
    cost.bind(2, text(pounds));
    cost.exec();
  }

  SQLite::Statement ch(db, "INSERT INTO characteristic (position, name) VALUES (?, ?)");
  SQLite::Statement cat(db, "INSERT INTO category (characteristic_id, position, name) VALUES (?, ?, ?)");
  position = 0;
  for (const auto& c : project.segments.characteristics) {
    ch.reset();
    ch.bind(1, position++);
    ch.bind(2, c.name);
    ch.exec();
    const std::int64_t id = db.getLastInsertRowid();
    int cpos = 0;
    for (const auto& name : c.categories) {
      cat.reset();
      cat.bind(1, id);
      cat.bind(2, cpos++);
      cat.bind(3, name);
      cat.exec();
    }
  }

  SQLite::Statement seg(db, "INSERT INTO segment (position, code, name, population) VALUES (?, ?, ?, ?)");
  SQLite::Statement comp(db,
                         "INSERT INTO composition (segment_id, characteristic, category, share) VALUES (?, ?, ?, ?)");
  position = 0;
  for (const auto& item : project.segments.items) {
    seg.reset();
    seg.bind(1, position++);
    seg.bind(2, item.code);
    seg.bind(3, item.name);
    seg.bind(4, static_cast<std::int64_t>(item.population));
    seg.exec();
    const std::int64_t id = db.getLastInsertRowid();
    for (const auto& [characteristic, shares] : item.composition) {
      for (const auto& [category, share] : shares) {
        comp.reset();
        comp.bind(1, id);
        comp.bind(2, characteristic);
        comp.bind(3, category);
        comp.bind(4, text(share));
        comp.exec();
      }
    }
  }
}

struct ChangeWriter::Statements {
  explicit Statements(SQLite::Database& db)
      : change(db,
               "INSERT INTO change (position, code, title, discount_kind, discount_rate, first_year_discounted, "
               "optimism_bias) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        stakeholder(db, "INSERT INTO stakeholder (change_id, position, code, name, segment) VALUES (?, ?, ?, ?, ?)"),
        input(db,
              "INSERT INTO input (change_id, position, stakeholder, description, amount, year) "
              "VALUES (?, ?, ?, ?, ?, ?)"),
        outcome(db,
                "INSERT INTO outcome (change_id, position, code, stakeholder, description, indicator, quantity, "
                "proxy_value, proxy_description, proxy_unit, proxy_source, proxy_price_year, proxy_evidence_grade, "
                "deadweight, displacement, attribution, drop_off, duration, start_year, value_type, agency, cashable) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        range(db,
              "INSERT INTO outcome_range (outcome_id, assumption, low, high, distribution) VALUES (?, ?, ?, ?, ?)"),
        affected(db, "INSERT INTO affected_segment (change_id, position, segment, share) VALUES (?, ?, ?, ?)"),
        eqia(db,
             "INSERT INTO eqia (change_id, template, status, version, reference, directorate, lead_officer, "
             "proposal_type, budget, saving, decision_date, decision_maker, decision_outcome, "
             "decision_justification, review_date, review_summary) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        screening(db,
                  "INSERT INTO screening (change_id, position, characteristic, relevant, reason) "
                  "VALUES (?, ?, ?, ?, ?)"),
        impact(db,
               "INSERT INTO impact (change_id, position, characteristic, rating, evidence, engagement, likelihood, "
               "severity, residual_likelihood, residual_severity, mitigation, actual_impact) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        gap(db, "INSERT INTO impact_data_gap (impact_id, position, gap) VALUES (?, ?, ?)"),
        action(db,
               "INSERT INTO eqia_action (change_id, position, description, owner, due, status) "
               "VALUES (?, ?, ?, ?, ?, ?)"),
        event(db,
              "INSERT INTO workflow_event (change_id, position, from_status, to_status, who, at, comment) "
              "VALUES (?, ?, ?, ?, ?, ?, ?)") {}
  SQLite::Statement change, stakeholder, input, outcome, range, affected, eqia, screening, impact, gap, action, event;
};

ChangeWriter::ChangeWriter(SQLite::Database& db) : db_(db), st_(std::make_unique<Statements>(db)) {}
ChangeWriter::~ChangeWriter() = default;

std::int64_t ChangeWriter::insert(const ServiceChange& c, int position) {
  auto& st = *st_;
  auto run = [](SQLite::Statement& q) {
    q.exec();
    q.reset();
    q.clearBindings();
  };
  const auto& s = c.sroi;
  st.change.bind(1, position);
  st.change.bind(2, c.id);
  st.change.bind(3, c.title);
  st.change.bind(4, discount_kind_name(s.discount.kind));
  st.change.bind(5, text(s.discount.rate));
  st.change.bind(6, s.first_year_discounted ? 1 : 0);
  st.change.bind(7, text(s.optimism_bias));
  run(st.change);
  const std::int64_t row = db_.getLastInsertRowid();

  int i = 0;
  for (const auto& x : s.stakeholders) {
    st.stakeholder.bind(1, row);
    st.stakeholder.bind(2, i++);
    st.stakeholder.bind(3, x.id);
    st.stakeholder.bind(4, x.name);
    st.stakeholder.bind(5, x.segment);
    run(st.stakeholder);
  }
  i = 0;
  for (const auto& x : s.inputs) {
    st.input.bind(1, row);
    st.input.bind(2, i++);
    st.input.bind(3, x.stakeholder);
    st.input.bind(4, x.description);
    st.input.bind(5, text(x.amount));
    st.input.bind(6, x.year);
    run(st.input);
  }
  i = 0;
  for (const auto& o : s.outcomes) {
    auto& q = st.outcome;
    q.bind(1, row);
    q.bind(2, i++);
    q.bind(3, o.id);
    q.bind(4, o.stakeholder);
    q.bind(5, o.description);
    q.bind(6, o.indicator);
    q.bind(7, text(o.quantity));
    q.bind(8, text(o.proxy.value));
    q.bind(9, o.proxy.description);
    q.bind(10, o.proxy.unit);
    q.bind(11, o.proxy.source);
    q.bind(12, o.proxy.price_year);
    q.bind(13, o.proxy.evidence_grade);
    q.bind(14, text(o.deadweight));
    q.bind(15, text(o.displacement));
    q.bind(16, text(o.attribution));
    q.bind(17, text(o.drop_off));
    q.bind(18, o.duration);
    q.bind(19, o.start_year);
    q.bind(20, value_type_name(o.type));
    q.bind(21, o.agency);
    q.bind(22, o.cashable ? 1 : 0);
    run(q);
    const std::int64_t outcome_row = db_.getLastInsertRowid();
    for (const auto& [assumption, r] : o.ranges) {
      st.range.bind(1, outcome_row);
      st.range.bind(2, assumption_name(assumption));
      st.range.bind(3, text(r.low));
      st.range.bind(4, text(r.high));
      st.range.bind(5, distribution_name(r.distribution));
      run(st.range);
    }
  }
  i = 0;
  for (const auto& a : c.affected_segments) {
    st.affected.bind(1, row);
    st.affected.bind(2, i++);
    st.affected.bind(3, a.segment);
    st.affected.bind(4, text(a.share));
    run(st.affected);
  }
  if (!c.eqia) return row;

  const Eqia& e = *c.eqia;
  auto& q = st.eqia;
  q.bind(1, row);
  q.bind(2, e.template_name);
  q.bind(3, status_name(e.status));
  q.bind(4, e.version);
  q.bind(5, e.reference);
  q.bind(6, e.directorate);
  q.bind(7, e.lead_officer);
  q.bind(8, e.proposal_type);
  if (e.budget) q.bind(9, text(*e.budget));
  if (e.saving) q.bind(10, text(*e.saving));
  q.bind(11, e.decision_date);
  q.bind(12, e.decision_maker);
  q.bind(13, decision_name(e.decision.outcome));
  q.bind(14, e.decision.justification);
  q.bind(15, e.review_date);
  q.bind(16, e.review_summary);
  run(q);
  i = 0;
  for (const auto& x : e.screening) {
    st.screening.bind(1, row);
    st.screening.bind(2, i++);
    st.screening.bind(3, x.characteristic);
    st.screening.bind(4, relevance_name(x.relevant));
    st.screening.bind(5, x.reason);
    run(st.screening);
  }
  i = 0;
  for (const auto& im : e.impacts) {
    auto& t = st.impact;
    t.bind(1, row);
    t.bind(2, i++);
    t.bind(3, im.characteristic);
    t.bind(4, rating_name(im.rating));
    t.bind(5, im.evidence);
    t.bind(6, im.engagement);
    t.bind(7, im.before.likelihood);
    t.bind(8, im.before.severity);
    if (im.residual) {
      t.bind(9, im.residual->likelihood);
      t.bind(10, im.residual->severity);
    }
    t.bind(11, im.mitigation);
    t.bind(12, im.actual_impact);
    run(t);
    const std::int64_t impact_row = db_.getLastInsertRowid();
    int g = 0;
    for (const auto& gap : im.data_gaps) {
      st.gap.bind(1, impact_row);
      st.gap.bind(2, g++);
      st.gap.bind(3, gap);
      run(st.gap);
    }
  }
  i = 0;
  for (const auto& a : e.actions) {
    st.action.bind(1, row);
    st.action.bind(2, i++);
    st.action.bind(3, a.description);
    st.action.bind(4, a.owner);
    st.action.bind(5, a.due);
    st.action.bind(6, a.status);
    run(st.action);
  }
  i = 0;
  for (const auto& h : e.history) {
    st.event.bind(1, row);
    st.event.bind(2, i++);
    st.event.bind(3, status_name(h.from));
    st.event.bind(4, status_name(h.to));
    st.event.bind(5, h.who);
    st.event.bind(6, h.when);
    st.event.bind(7, h.comment);
    run(st.event);
  }
  return row;
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

Project read_project(SQLite::Database& db, const std::string& path, std::vector<std::int64_t>& change_rows) {
  Project project;
  {
    RowReader r(path, "project");
    SQLite::Statement q(db,
                        "SELECT name, jurisdiction, base_year, currency, disclosure_threshold, flag_ratio, "
                        "segment_scheme FROM project WHERE id = 1");
    if (!q.executeStep())
      throw InputError(path + ": the project file is damaged: it has no project settings; restore it from a backup");
    auto& s = project.project;
    s.name = q.getColumn(0).getString();
    s.jurisdiction = q.getColumn(1).getString();
    s.base_year = r.whole(q, 2);
    s.currency = q.getColumn(3).getString();
    s.disclosure_threshold = r.whole(q, 4);
    s.flag_ratio = r.decimal(q, 5);
    project.segments.scheme = q.getColumn(6).getString();
  }
  {
    RowReader r(path, "deflator");
    SQLite::Statement q(db, "SELECT year, idx FROM deflator ORDER BY year");
    while (q.executeStep()) project.project.deflators[r.whole(q, 0)] = r.decimal(q, 1);
    SQLite::Statement a(db, "SELECT addition FROM eqia_addition ORDER BY position");
    while (a.executeStep()) project.project.eqia_additions.push_back(a.getColumn(0).getString());
    RowReader rc(path, "channel_cost");
    SQLite::Statement c(db, "SELECT channel, cost FROM channel_cost");
    while (c.executeStep()) project.project.channel_costs[c.getColumn(0).getString()] = rc.decimal(c, 1);
  }
  {
    std::unordered_map<std::int64_t, std::size_t> index;
    SQLite::Statement q(db, "SELECT id, name FROM characteristic ORDER BY position");
    while (q.executeStep()) {
      index[q.getColumn(0).getInt64()] = project.segments.characteristics.size();
      project.segments.characteristics.push_back({q.getColumn(1).getString(), {}});
    }
    SQLite::Statement c(db, "SELECT characteristic_id, name FROM category ORDER BY characteristic_id, position");
    while (c.executeStep())
      project.segments.characteristics.at(index.at(c.getColumn(0).getInt64())).categories.push_back(
          c.getColumn(1).getString());
  }
  {
    RowReader r(path, "composition");
    std::unordered_map<std::int64_t, std::size_t> index;
    SQLite::Statement q(db, "SELECT id, code, name, population FROM segment ORDER BY position");
    while (q.executeStep()) {
      index[q.getColumn(0).getInt64()] = project.segments.items.size();
      Segment s;
      s.code = q.getColumn(1).getString();
      s.name = q.getColumn(2).getString();
      s.population = q.getColumn(3).getInt64();
      project.segments.items.push_back(std::move(s));
    }
    SQLite::Statement c(db, "SELECT segment_id, characteristic, category, share FROM composition");
    while (c.executeStep())
      project.segments.items.at(index.at(c.getColumn(0).getInt64()))
          .composition[c.getColumn(1).getString()][c.getColumn(2).getString()] = r.decimal(c, 3);
  }

  // Service changes, then each child table in one pass, placed by the change's row id.
  std::unordered_map<std::int64_t, std::size_t> index;
  change_rows.clear();
  {
    RowReader r(path, "change");
    SQLite::Statement q(db,
                        "SELECT id, code, title, discount_kind, discount_rate, first_year_discounted, optimism_bias "
                        "FROM change ORDER BY position");
    while (q.executeStep()) {
      const std::int64_t row = q.getColumn(0).getInt64();
      index[row] = project.changes.size();
      change_rows.push_back(row);
      ServiceChange c;
      c.id = q.getColumn(1).getString();
      c.title = q.getColumn(2).getString();
      c.sroi.discount.kind =
          q.getColumn(3).getString() == "green-book" ? DiscountKind::green_book : DiscountKind::constant;
      c.sroi.discount.rate = r.decimal(q, 4);
      c.sroi.first_year_discounted = q.getColumn(5).getInt() != 0;
      c.sroi.optimism_bias = r.decimal(q, 6);
      project.changes.push_back(std::move(c));
    }
  }
  auto change_at = [&](SQLite::Statement& q) -> ServiceChange& {
    return project.changes.at(index.at(q.getColumn(0).getInt64()));
  };
  {
    SQLite::Statement q(db, "SELECT change_id, code, name, segment FROM stakeholder ORDER BY change_id, position");
    while (q.executeStep())
      change_at(q).sroi.stakeholders.push_back(
          {q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString()});
  }
  {
    RowReader r(path, "input");
    SQLite::Statement q(db,
                        "SELECT change_id, stakeholder, description, amount, year FROM input "
                        "ORDER BY change_id, position");
    while (q.executeStep()) {
      Input in;
      in.stakeholder = q.getColumn(1).getString();
      in.description = q.getColumn(2).getString();
      in.amount = r.decimal(q, 3);
      in.year = r.whole(q, 4);
      change_at(q).sroi.inputs.push_back(std::move(in));
    }
  }
  {
    RowReader r(path, "outcome");
    std::unordered_map<std::int64_t, std::pair<std::size_t, std::size_t>> outcome_index;
    SQLite::Statement q(db,
                        "SELECT change_id, id, code, stakeholder, description, indicator, quantity, proxy_value, "
                        "proxy_description, proxy_unit, proxy_source, proxy_price_year, proxy_evidence_grade, "
                        "deadweight, displacement, attribution, drop_off, duration, start_year, value_type, agency, "
                        "cashable FROM outcome ORDER BY change_id, position");
    while (q.executeStep()) {
      Outcome o;
      o.id = q.getColumn(2).getString();
      o.stakeholder = q.getColumn(3).getString();
      o.description = q.getColumn(4).getString();
      o.indicator = q.getColumn(5).getString();
      o.quantity = r.decimal(q, 6);
      o.proxy.value = r.decimal(q, 7);
      o.proxy.description = q.getColumn(8).getString();
      o.proxy.unit = q.getColumn(9).getString();
      o.proxy.source = q.getColumn(10).getString();
      o.proxy.price_year = r.whole(q, 11);
      o.proxy.evidence_grade = q.getColumn(12).getString();
      o.deadweight = r.decimal(q, 13);
      o.displacement = r.decimal(q, 14);
      o.attribution = r.decimal(q, 15);
      o.drop_off = r.decimal(q, 16);
      o.duration = r.whole(q, 17);
      o.start_year = r.whole(q, 18);
      o.type = r.choice(q, 19, value_type_from_name);
      o.agency = q.getColumn(20).getString();
      o.cashable = q.getColumn(21).getInt() != 0;
      const std::size_t ci = index.at(q.getColumn(0).getInt64());
      auto& outcomes = project.changes[ci].sroi.outcomes;
      outcome_index[q.getColumn(1).getInt64()] = {ci, outcomes.size()};
      outcomes.push_back(std::move(o));
    }
    RowReader rr(path, "outcome_range");
    SQLite::Statement g(db, "SELECT outcome_id, assumption, low, high, distribution FROM outcome_range");
    while (g.executeStep()) {
      const auto [ci, oi] = outcome_index.at(g.getColumn(0).getInt64());
      Range range;
      range.low = rr.decimal(g, 2);
      range.high = rr.decimal(g, 3);
      range.distribution = rr.choice(g, 4, distribution_from_name);
      project.changes[ci].sroi.outcomes[oi].ranges[rr.choice(g, 1, assumption_of)] = range;
    }
  }
  {
    RowReader r(path, "affected_segment");
    SQLite::Statement q(db, "SELECT change_id, segment, share FROM affected_segment ORDER BY change_id, position");
    while (q.executeStep()) change_at(q).affected_segments.push_back({q.getColumn(1).getString(), r.decimal(q, 2)});
  }
  {
    RowReader r(path, "eqia");
    SQLite::Statement q(db,
                        "SELECT change_id, template, status, version, reference, directorate, lead_officer, "
                        "proposal_type, budget, saving, decision_date, decision_maker, decision_outcome, "
                        "decision_justification, review_date, review_summary FROM eqia");
    while (q.executeStep()) {
      Eqia e;
      e.template_name = q.getColumn(1).getString();
      e.status = r.choice(q, 2, status_from_name);
      e.version = r.whole(q, 3);
      e.reference = q.getColumn(4).getString();
      e.directorate = q.getColumn(5).getString();
      e.lead_officer = q.getColumn(6).getString();
      e.proposal_type = q.getColumn(7).getString();
      e.budget = r.optional_decimal(q, 8);
      e.saving = r.optional_decimal(q, 9);
      e.decision_date = q.getColumn(10).getString();
      e.decision_maker = q.getColumn(11).getString();
      e.decision.outcome = r.choice(q, 12, decision_or_none);
      e.decision.justification = q.getColumn(13).getString();
      e.review_date = q.getColumn(14).getString();
      e.review_summary = q.getColumn(15).getString();
      change_at(q).eqia = std::move(e);
    }
  }
  auto eqia_at = [&](SQLite::Statement& q) -> Eqia& {
    auto& c = change_at(q);
    if (!c.eqia)
      throw InputError(path + ": the project file is damaged: assessment rows without an assessment; "
                       "restore it from a backup");
    return *c.eqia;
  };
  {
    RowReader r(path, "screening");
    SQLite::Statement q(db,
                        "SELECT change_id, characteristic, relevant, reason FROM screening "
                        "ORDER BY change_id, position");
    while (q.executeStep())
      eqia_at(q).screening.push_back(
          {q.getColumn(1).getString(), r.choice(q, 2, relevance_from_name), q.getColumn(3).getString()});
  }
  {
    RowReader r(path, "impact");
    std::unordered_map<std::int64_t, Impact*> impacts;
    std::vector<std::pair<std::int64_t, std::pair<std::size_t, std::size_t>>> places;
    SQLite::Statement q(db,
                        "SELECT change_id, id, characteristic, rating, evidence, engagement, likelihood, severity, "
                        "residual_likelihood, residual_severity, mitigation, actual_impact FROM impact "
                        "ORDER BY change_id, position");
    while (q.executeStep()) {
      Impact im;
      im.characteristic = q.getColumn(2).getString();
      im.rating = r.choice(q, 3, rating_from_name);
      im.evidence = q.getColumn(4).getString();
      im.engagement = q.getColumn(5).getString();
      im.before = {r.whole(q, 6), r.whole(q, 7)};
      if (!q.getColumn(8).isNull()) im.residual = Score{r.whole(q, 8), r.whole(q, 9)};
      im.mitigation = q.getColumn(10).getString();
      im.actual_impact = q.getColumn(11).getString();
      auto& list = eqia_at(q).impacts;
      places.push_back({q.getColumn(1).getInt64(), {index.at(q.getColumn(0).getInt64()), list.size()}});
      list.push_back(std::move(im));
    }
    // Pointers only once every list has stopped growing.
    for (const auto& [row, place] : places) impacts[row] = &project.changes[place.first].eqia->impacts[place.second];
    SQLite::Statement g(db, "SELECT impact_id, gap FROM impact_data_gap ORDER BY impact_id, position");
    while (g.executeStep()) impacts.at(g.getColumn(0).getInt64())->data_gaps.push_back(g.getColumn(1).getString());
  }
  {
    SQLite::Statement q(db,
                        "SELECT change_id, description, owner, due, status FROM eqia_action "
                        "ORDER BY change_id, position");
    while (q.executeStep())
      eqia_at(q).actions.push_back({q.getColumn(1).getString(), q.getColumn(2).getString(),
                                    q.getColumn(3).getString(), q.getColumn(4).getString()});
  }
  {
    RowReader r(path, "workflow_event");
    SQLite::Statement q(db,
                        "SELECT change_id, from_status, to_status, who, at, comment FROM workflow_event "
                        "ORDER BY change_id, position");
    while (q.executeStep())
      eqia_at(q).history.push_back({r.choice(q, 1, status_from_name), r.choice(q, 2, status_from_name),
                                    q.getColumn(3).getString(), q.getColumn(4).getString(),
                                    q.getColumn(5).getString()});
  }
  return project;
}

}  // namespace eqv::storage::detail
