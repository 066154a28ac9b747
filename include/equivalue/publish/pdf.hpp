// The PDF of a published document: printed from the same HTML by headless Chromium, which
// writes a tagged PDF whose title and language come from the HTML's <title> and lang.
//
// Chromium is found as $EQUIVALUE_CHROMIUM when set, else as `chromium`, `chromium-browser`
// or `google-chrome` on the PATH (Debian: apt-get install chromium).
#pragma once

#include <filesystem>
#include <optional>

#include "equivalue/publish/publish.hpp"

namespace eqv::publishing {

// Chromium is not installed (or $EQUIVALUE_CHROMIUM names no program).
class ChromiumMissing : public PublishError {
 public:
  explicit ChromiumMissing(const std::string& message) : PublishError(message) {}
};

// The Chromium program to run, or nothing when none is found.
std::optional<std::filesystem::path> find_chromium();

// Prints the HTML file `html` to `pdf` (A4, no header or footer added by the browser).
// Throws ChromiumMissing when no Chromium is found, PublishError when printing fails; a
// failure leaves no PDF behind.
void write_pdf(const std::filesystem::path& html, const std::filesystem::path& pdf);

}  // namespace eqv::publishing
