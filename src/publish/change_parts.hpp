// The sections of a change's document, each returning its HTML (user text escaped).
#pragma once

#include <optional>
#include <string>

#include "equivalue/core/eqia_template.hpp"
#include "equivalue/core/model.hpp"
#include "equivalue/core/results.hpp"

namespace eqv::publishing {

struct ChangeContext {
  const Project& project;
  const ServiceChange& change;
  const ChangeResults& results;
  const EqiaTemplate* tmpl;  // nullptr when the assessment's template cannot be found
  int threshold;             // the project's disclosure threshold
};

// The assessment's template, loaded from the template directories; nothing when missing.
std::optional<EqiaTemplate> template_for(const ServiceChange& change);

// The total number of people affected as published ("2,040", "<10"), or empty when the
// change names no affected segments.
std::string people_affected_text(const ChangeContext& c);

std::string summary_section(const ChangeContext& c);
std::string proposal_section(const ChangeContext& c);
std::string people_section(const ChangeContext& c);
std::string impacts_section(const ChangeContext& c);
std::string decision_section(const ChangeContext& c);
std::string actions_section(const ChangeContext& c);
std::string social_value_section(const ChangeContext& c);
std::string sources_section(const ChangeContext& c);
std::string review_section(const ChangeContext& c);
std::string wales_section(const ChangeContext& c);  // regulation 8 report, Welsh template only

// Section ids and headings, in document order (the contents list and the sections agree).
inline constexpr const char* kSummaryId = "summary";
inline constexpr const char* kProposalId = "proposal";
inline constexpr const char* kPeopleId = "people-affected";
inline constexpr const char* kImpactsId = "impact-on-groups";
inline constexpr const char* kDecisionId = "decision";
inline constexpr const char* kActionsId = "action-plan";
inline constexpr const char* kValueId = "social-value";
inline constexpr const char* kSourcesId = "sources";
inline constexpr const char* kReviewId = "review";
inline constexpr const char* kWalesId = "regulation-8";
inline constexpr const char* kAboutId = "about";

}  // namespace eqv::publishing
