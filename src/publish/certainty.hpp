// "How sure are we?": the Monte Carlo and the switching values of a change, in words a
// resident can follow, with the switching values also as a table.
#pragma once

#include <string>

#include "equivalue/core/model.hpp"
#include "equivalue/core/sroi.hpp"

namespace eqv::publishing {

// Sentences (plain text, one per paragraph) from the Monte Carlo: the middle result, the
// range nine runs in ten fall in, how often value fell below cost, and a verdict in words.
std::vector<std::string> monte_carlo_words(const SroiResult& result);

// The assumption the result depends on most (the one that needs the smallest change to
// make value equal cost), as a sentence; empty when no switching value exists.
std::string nearest_switch_words(const Sroi& sroi, const SroiResult& result);

// HTML: the table of every switching value (outcome, what would have to change, now,
// would have to be), or a sentence when there are none.
std::string switching_table(const Sroi& sroi, const SroiResult& result);

}  // namespace eqv::publishing
