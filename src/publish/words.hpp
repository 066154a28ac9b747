// Figures and model values in plain English for a resident: money, dates, ratings,
// decisions and the workflow state. Returns plain text (not yet escaped).
#pragma once

#include <chrono>
#include <string>

#include "equivalue/core/decimal.hpp"
#include "equivalue/core/eqia_template.hpp"
#include "equivalue/core/model.hpp"

namespace eqv::publishing {

// "£68,496.75", "-£1.50".
std::string pounds(const Decimal& value);
// "£1.37": for "for every £1 spent".
std::string pounds_per_pound(const Decimal& ratio);
// "34.0%" from a fraction.
std::string percent(const Decimal& fraction, int places = 1);
std::string percent(double fraction, int places = 0);
// "31 December 2027" from "2027-12-31"; other text unchanged; "not set" when empty.
std::string long_date(const std::string& iso);
// "30 November 2026" for a time point (UTC).
std::string long_date(std::chrono::system_clock::time_point t);
// "1 change", "3 changes".
std::string count_of(std::size_t n, const std::string& one, const std::string& many);

// The characteristic's name from the template ("Sexual orientation"), else its id made
// readable ("socio-economic" -> "Socio economic").
std::string characteristic_name(const std::string& id, const EqiaTemplate* tmpl);

std::string rating_words(Rating r);      // "Negative", "Not yet known", ...
std::string status_words(EqiaStatus s);  // "Approved", "Submitted for review", ...
std::string decision_title(DecisionOutcome d);
std::string decision_words(DecisionOutcome d);  // a sentence a resident understands
std::string proposal_type_words(const std::string& type);
std::string relevance_words(Relevance r);
std::string value_type_words(const std::string& type);  // "social" -> "Social value to people"
std::string assumption_words(Assumption a);             // "number of people or units"

}  // namespace eqv::publishing
