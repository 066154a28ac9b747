// Putting any text into an HTML document safely. Every piece of text a user typed or a file
// held goes through escape() before it reaches a published document: a stakeholder named
// <script>alert(1)</script> is shown as those characters, never run.
#pragma once

#include <string>
#include <string_view>

namespace eqv::publishing {

// The text as HTML character data or a quoted attribute value: & < > " ' become entities;
// invalid UTF-8 and control characters HTML does not allow (all below U+0020 but tab, line
// feed and carriage return, and U+007F) become U+FFFD.
std::string escape(std::string_view text);

// An id for an element made from any text: lower-case ASCII letters, digits and hyphens,
// starting with a letter ("Sexual orientation" -> "sexual-orientation"; "65+" -> "x65").
std::string html_id(std::string_view text);

}  // namespace eqv::publishing
