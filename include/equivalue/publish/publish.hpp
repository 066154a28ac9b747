// equivalue_publish: an assessment and its social value as a document residents can read.
//
// Design note. Two documents, each one self-contained HTML file (inline CSS with a print
// stylesheet, charts as inline SVG with a text alternative and their data as a table beside
// them, no script):
//  - the document of one service change (change_document): a summary first, then the
//    proposal, the people affected by characteristic and group, the impact on each group
//    (evidence, what people told us, mitigation, scores before and after), the decision,
//    the action plan, the social value with how sure the figures are, the sources of every
//    proxy and the review date; for the Welsh template the contents regulation 8 of the
//    Equality Act 2010 (Statutory Duties) (Wales) Regulations 2011 asks for, under their
//    own headings;
//  - the round's document (round_document): every change with its ratio, net present value
//    and assessment status, the cumulative impact by characteristic and group with a heat
//    map, and the totals of savings and of people touched.
// Like the workbooks, publish only reads the model and the results. Every count of people
// goes through core's disclosure control (equivalue/core/disclosure.hpp) and the rule is
// stated in the document; every piece of user text is escaped (html.hpp). A document whose
// assessment is not yet approved is marked "Draft" in its title and at its top.
//
// The PDF is made from the same HTML by headless Chromium (pdf.hpp), which writes a tagged
// PDF with the document's title and language.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "equivalue/core/model.hpp"
#include "equivalue/core/results.hpp"

namespace eqv::publishing {

// A document could not be written (folder missing, disk full, Chromium failed).
class PublishError : public std::runtime_error {
 public:
  explicit PublishError(const std::string& message) : std::runtime_error(message) {}
};

struct PublishOptions {
  // Date shown as "Produced on"; empty = now.
  std::optional<std::chrono::system_clock::time_point> produced_at;
  CalcOptions calc;  // seed and draws of the Monte Carlo behind "how sure are we"
};

// True when the change's assessment is approved or published: only then is its document
// not a draft. A change without an assessment is a draft.
bool is_final(const ServiceChange& change);

// The change's document. Throws InputError when `change_id` names no change.
std::string change_document(const Project& project, const std::string& change_id,
                            const PublishOptions& options = {});
// The same, with `results` from calculate_change() for that change (Monte Carlo included).
std::string change_document(const Project& project, const ChangeResults& results,
                            const PublishOptions& options = {});

// The round's document: every change of the project.
std::string round_document(const Project& project, const PublishOptions& options = {});
std::string round_document(const Project& project, const std::vector<ChangeResults>& results,
                           const PublishOptions& options = {});

// Writes `html` to `path` through a temporary file beside it, so that a failure leaves no
// partial document. Throws PublishError naming the file.
void write_document(const std::string& html, const std::filesystem::path& path);

}  // namespace eqv::publishing
