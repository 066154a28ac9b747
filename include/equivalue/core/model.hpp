// The domain model: one project, its segment profile and its service changes, each with
// a Social Return on Investment (SROI) analysis and an Equality Impact Assessment (EqIA).
//
// Plain values only: no I/O, no GUI, no database. The field names match the interchange
// format (docs/FORMAT.md) and the names of the controls in forms/, so that a path such as
// changes[0].sroi.outcomes[2].deadweight means the same thing everywhere.
#pragma once

#include "equivalue/core/decimal.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eqv {

// ---------------------------------------------------------------------------- SROI

struct Stakeholder {
  std::string id;
  std::string name;
  std::string segment;  // optional segment code this stakeholder group belongs to

  bool operator==(const Stakeholder&) const = default;
};

struct Input {
  std::string stakeholder;
  std::string description;
  Decimal amount = 0;  // pounds
  int year = 0;        // 0 = up front, not discounted

  bool operator==(const Input&) const = default;
};

struct Proxy {
  Decimal value = 0;  // pounds per unit of outcome per year
  std::string description;
  std::string unit;
  std::string source;
  int price_year = 0;          // 0 = not stated
  std::string evidence_grade;  // free text, commonly A-D or "strong/moderate/weak"

  bool operator==(const Proxy&) const = default;
};

enum class Distribution { uniform, triangular };

struct Range {
  Decimal low = 0;
  Decimal high = 0;
  Distribution distribution = Distribution::uniform;

  bool operator==(const Range&) const = default;
};

// The assumptions an outcome's range may cover, in the order they are reported.
enum class Assumption { quantity, proxy, deadweight, displacement, attribution, drop_off };
inline constexpr Assumption kAllAssumptions[] = {Assumption::quantity,    Assumption::proxy,
                                                 Assumption::deadweight,  Assumption::displacement,
                                                 Assumption::attribution, Assumption::drop_off};
const char* assumption_name(Assumption a);  // "drop_off"
std::optional<Assumption> assumption_from_name(const std::string& name);

enum class ValueType { social, economic, fiscal };
const char* value_type_name(ValueType t);

struct Outcome {
  std::string id;
  std::string stakeholder;
  std::string description;
  std::string indicator;
  Decimal quantity = 0;
  Proxy proxy;
  Decimal deadweight = 0;
  Decimal displacement = 0;
  Decimal attribution = 0;
  Decimal drop_off = 0;
  int duration = 1;    // whole years, >= 1
  int start_year = 1;  // whole year >= 1
  std::map<Assumption, Range> ranges;
  ValueType type = ValueType::social;
  std::string agency;     // fiscal only: which agency benefits (e.g. "NHS", "council")
  bool cashable = false;  // fiscal only

  const Decimal& get(Assumption a) const;
  Decimal& get(Assumption a);

  bool operator==(const Outcome&) const = default;
};

enum class DiscountKind { constant, green_book };

struct Discount {
  DiscountKind kind = DiscountKind::constant;
  Decimal rate = Decimal("0.035");  // used when kind == constant

  bool operator==(const Discount&) const = default;
};

struct Sroi {
  Discount discount;
  bool first_year_discounted = true;
  Decimal optimism_bias = 0;  // fraction taken off every benefit, 0 = none
  std::vector<Stakeholder> stakeholders;
  std::vector<Input> inputs;
  std::vector<Outcome> outcomes;

  bool operator==(const Sroi&) const = default;
};

// ---------------------------------------------------------------------------- EqIA

enum class Relevance { yes, no, not_sure };
enum class Rating { positive, neutral, negative, unknown };
enum class EqiaStatus { draft, submitted, returned, approved, published };
enum class DecisionOutcome { none, no_change, adjust, continue_despite, stop };

struct Screening {
  std::string characteristic;
  Relevance relevant = Relevance::not_sure;
  std::string reason;

  bool operator==(const Screening&) const = default;
};

struct Score {
  int likelihood = 0;  // 1-4, 0 = not yet scored
  int severity = 0;    // 1-4, 0 = not yet scored
  int value() const { return likelihood * severity; }
  bool scored() const { return likelihood > 0 && severity > 0; }

  bool operator==(const Score&) const = default;
};

struct Impact {
  std::string characteristic;
  // The groups (categories of the characteristic, "65+") the impact bears on; empty = every
  // group of the characteristic, as before groups could be named.
  std::vector<std::string> groups;
  Rating rating = Rating::unknown;
  std::string evidence;
  std::string engagement;  // what people told us
  Score before;
  std::optional<Score> residual;  // after mitigation
  std::string mitigation;
  std::vector<std::string> data_gaps;  // each becomes an action
  // Post-implementation review: what happened, the rating it turned out to deserve, and the
  // evidence for it (monitoring data, complaints, what people told us).
  std::string actual_impact;
  std::optional<Rating> actual_rating;
  std::string actual_evidence;

  bool operator==(const Impact&) const = default;
};

struct Action {
  std::string description;
  std::string owner;
  std::string due;              // ISO date, yyyy-mm-dd
  std::string status = "open";  // open, in-progress, done

  bool operator==(const Action&) const = default;
};

struct Decision {
  DecisionOutcome outcome = DecisionOutcome::none;
  std::string justification;

  bool operator==(const Decision&) const = default;
};

struct WorkflowEvent {
  EqiaStatus from = EqiaStatus::draft;
  EqiaStatus to = EqiaStatus::draft;
  std::string who;
  std::string when;  // ISO 8601 UTC
  std::string comment;

  bool operator==(const WorkflowEvent&) const = default;
};

struct Eqia {
  std::string template_name = "england";
  EqiaStatus status = EqiaStatus::draft;
  int version = 1;
  // Identity
  std::string reference;
  std::string directorate;
  std::string lead_officer;
  std::string proposal_type;  // new, review, reduction, removal, budget-saving
  std::optional<Decimal> budget;
  std::optional<Decimal> saving;
  std::string decision_date;
  std::string decision_maker;
  // Assessment
  std::vector<Screening> screening;
  std::vector<Impact> impacts;
  std::vector<Action> actions;
  Decision decision;
  std::string review_date;
  std::string review_summary;  // post-implementation review: actual against expected
  std::vector<WorkflowEvent> history;

  bool operator==(const Eqia&) const = default;
};

// ---------------------------------------------------------------------------- Segments

struct Characteristic {
  std::string name;                     // "age"
  std::vector<std::string> categories;  // "0-15", "16-64", "65+"

  bool operator==(const Characteristic&) const = default;
};

struct Segment {
  std::string code;
  std::string name;
  std::int64_t population = 0;
  // characteristic -> category -> share of this segment's people, in [0, 1]
  std::map<std::string, std::map<std::string, Decimal>> composition;

  bool operator==(const Segment&) const = default;
};

struct SegmentScheme {
  std::string scheme;
  std::vector<Characteristic> characteristics;
  std::vector<Segment> items;
  // Joint characteristics (from a Census multivariate table, e.g. disability by age): the
  // joint characteristic's name -> the characteristics it crosses ({"age", "disability"}).
  // A joint characteristic is listed in `characteristics` like any other, its categories
  // being the joint groups ("65+ disabled").
  std::map<std::string, std::vector<std::string>> intersections;

  const Segment* find(const std::string& code) const;
  const Characteristic* characteristic(const std::string& name) const;

  bool operator==(const SegmentScheme&) const = default;
};

// ---------------------------------------------------------------------------- Project

struct AffectedSegment {
  std::string segment;
  Decimal share = 0;  // fraction of the segment's people the change affects

  bool operator==(const AffectedSegment&) const = default;
};

struct ServiceChange {
  std::string id;
  std::string title;
  Sroi sroi;
  std::vector<AffectedSegment> affected_segments;
  std::optional<Eqia> eqia;

  bool operator==(const ServiceChange&) const = default;
};

// A price index by year, named, such as HM Treasury's GDP deflators.
struct DeflatorSeries {
  std::string name;
  std::map<int, Decimal> index;

  bool operator==(const DeflatorSeries&) const = default;
};

struct ProjectSettings {
  std::string name;
  std::string jurisdiction = "england";
  int base_year = 2026;
  std::string currency = "GBP";
  int disclosure_threshold = 10;
  Decimal flag_ratio = Decimal("1.2");
  // Cumulative impact: a group rated negative by this many changes or more is flagged for the
  // decision makers.
  int cumulative_threshold = 2;
  // The project's own GDP deflator index by year, for rebasing proxies to base-year prices.
  // Empty = the shipped series (shipped_deflators) is used.
  std::map<int, Decimal> deflators;
  std::string deflator_series;  // the name of the project's own series, shown beside it
  bool rebase_proxies = true;   // false: proxies are used as priced, never rebased
  // Not saved with the project: the series shipped in templates/deflators/ (or the council's
  // replacement), attached by the front ends when a project is opened.
  DeflatorSeries shipped_deflators;
  // Local additions of the EqIA template the council screens too ("carers", "rurality"):
  // ids from the template's local_additions list.
  std::vector<std::string> eqia_additions;
  // The council's own unit cost per contact, pounds, by channel ("face-to-face": 7.40),
  // over the default list (templates/channels/). Empty = the default list as it is.
  std::map<std::string, Decimal> channel_costs;

  bool operator==(const ProjectSettings&) const = default;
};

// One row of a financial proxy library: the proxy and where it comes from.
struct LibraryProxy {
  std::string id;
  Proxy proxy;  // value, description, unit, price year, evidence grade; source = the title
  ValueType type = ValueType::social;
  std::string agency;        // who gains a fiscal value
  std::string source_table;  // the table or section of the source the value is quoted from
  std::string source_url;    // the source's address
  std::string licence;       // the licence it is used under ("OGL-3.0", a council's own licence)

  // The proxy as an outcome cites it: the source's title with the table, when given.
  Proxy cited() const;

  bool operator==(const LibraryProxy&) const = default;
};

struct Project {
  ProjectSettings project;
  SegmentScheme segments;
  std::vector<ServiceChange> changes;
  // The council's own proxies (for example a licensed library it imported), offered beside
  // the shipped library when an outcome is valued.
  std::vector<LibraryProxy> proxy_library;

  const ServiceChange* find_change(const std::string& id) const;

  bool operator==(const Project&) const = default;
};

// Names used in the interchange format and on screen.
const char* relevance_name(Relevance r);
const char* rating_name(Rating r);
const char* status_name(EqiaStatus s);
const char* decision_name(DecisionOutcome d);
const char* distribution_name(Distribution d);
std::optional<Relevance> relevance_from_name(const std::string& s);
std::optional<Rating> rating_from_name(const std::string& s);
std::optional<EqiaStatus> status_from_name(const std::string& s);
std::optional<DecisionOutcome> decision_from_name(const std::string& s);
std::optional<Distribution> distribution_from_name(const std::string& s);
std::optional<ValueType> value_type_from_name(const std::string& s);

}  // namespace eqv
