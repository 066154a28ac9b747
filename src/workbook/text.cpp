#include "equivalue/workbook/text.hpp"

#include <array>
#include <cstdint>
#include <cstdio>

namespace eqv::workbook {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Decodes one code point at text[i]; returns its length in bytes, 0 when invalid.
std::size_t decode(std::string_view text, std::size_t i, std::uint32_t& cp) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  std::uint32_t min = 0;
  if (lead < 0x80) {
    cp = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, cp = lead & 0x1Fu, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, cp = lead & 0x0Fu, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, cp = lead & 0x07u, min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

bool allowed_in_xml(std::uint32_t cp) {
  if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
  return cp != 0xFFFE && cp != 0xFFFF;
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The longest prefix of valid UTF-8 `text` whose Excel length is at most `limit`.
std::string_view prefix_within(std::string_view text, std::size_t limit) {
  std::size_t units = 0, i = 0;
  while (i < text.size()) {
    std::uint32_t cp = 0;
    const std::size_t n = decode(text, i, cp);
    const std::size_t u = cp >= 0x10000 ? 2 : 1;
    if (n == 0 || units + u > limit) break;
    units += u;
    i += n;
  }
  return text.substr(0, i);
}

}  // namespace

std::string clean_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t cp = 0;
    const std::size_t n = decode(text, i, cp);
    if (n == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (allowed_in_xml(cp))
      out.append(text.substr(i, n));
    else
      out += kReplacement;
    i += n;
  }
  return out;
}

std::size_t excel_length(std::string_view text) {
  std::size_t units = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t cp = 0;
    const std::size_t n = decode(text, i, cp);
    units += cp >= 0x10000 ? 2 : 1;
    i += n == 0 ? 1 : n;
  }
  return units;
}

std::string cell_text(std::string_view text, std::size_t limit) {
  std::string clean = clean_utf8(text);
  if (excel_length(clean) <= limit) return clean;
  const std::size_t marker = excel_length(kCutMarker);
  std::string cut(prefix_within(clean, limit > marker ? limit - marker : 0));
  cut += kCutMarker;
  return cut;
}

std::string valid_sheet_name(std::string_view wanted) {
  std::string name;
  for (char c : clean_utf8(wanted)) {
    const bool forbidden =
        c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\';
    const bool control = c == '\t' || c == '\n' || c == '\r';
    name += forbidden ? '-' : control ? ' ' : c;
  }
  const auto trim = [&] {
    while (!name.empty() && (name.front() == '\'' || name.front() == ' ')) name.erase(0, 1);
    while (!name.empty() && (name.back() == '\'' || name.back() == ' ')) name.pop_back();
  };
  trim();
  name = std::string(prefix_within(name, kMaxSheetNameChars));
  trim();
  if (name.empty()) name = "Sheet";
  if (lower_ascii(name) == "history") name = "History (EqIA)";
  return name;
}

std::string SheetNamer::unique(std::string_view wanted) {
  const std::string base = valid_sheet_name(wanted);
  std::string name = base;
  for (int n = 2; used_.count(lower_ascii(name)) > 0; ++n) {
    const std::string suffix = " (" + std::to_string(n) + ")";
    std::string stem(prefix_within(base, kMaxSheetNameChars - suffix.size()));
    while (!stem.empty() && (stem.back() == ' ' || stem.back() == '\'')) stem.pop_back();
    name = stem + suffix;
  }
  used_.insert(lower_ascii(name));
  return name;
}

// ------------------------------------------------------------------ SHA-256 (FIPS 180-4)

std::string sha256_hex(std::string_view data) {
  static constexpr std::array<std::uint32_t, 64> k = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
      0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
      0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
      0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
      0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
      0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
      0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
      0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
      0xc67178f2};
  std::array<std::uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const auto rotr = [](std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
  std::array<std::uint32_t, 64> w{};
  const auto compress = [&](const unsigned char* block) {
    for (std::size_t t = 0; t < 16; ++t)
      w[t] = (std::uint32_t{block[t * 4]} << 24) | (std::uint32_t{block[t * 4 + 1]} << 16) |
             (std::uint32_t{block[t * 4 + 2]} << 8) | std::uint32_t{block[t * 4 + 3]};
    for (std::size_t t = 16; t < 64; ++t) {
      const std::uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
      const std::uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (std::size_t t = 0; t < 64; ++t) {
      const std::uint32_t s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const std::uint32_t ch = (e & f) ^ (~e & g);
      const std::uint32_t t1 = hh + s1 + ch + k[t] + w[t];
      const std::uint32_t s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const std::uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
      const std::uint32_t t2 = s0 + maj;
      hh = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
  };
  // Whole blocks straight from the data; then the tail, padded with 0x80, zeros and the
  // length in bits as a big-endian 64-bit number.
  const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
  const std::size_t whole = data.size() / 64 * 64;
  for (std::size_t i = 0; i < whole; i += 64) compress(bytes + i);
  std::string tail(data.substr(whole));
  const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
  tail += static_cast<char>(0x80);
  while (tail.size() % 64 != 56) tail += '\0';
  for (int shift = 56; shift >= 0; shift -= 8) tail += static_cast<char>((bits >> shift) & 0xFF);
  for (std::size_t i = 0; i < tail.size(); i += 64)
    compress(reinterpret_cast<const unsigned char*>(tail.data()) + i);
  std::string hex;
  char buf[9];
  for (std::uint32_t word : h) {
    std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(word));
    hex += buf;
  }
  return hex;
}

}  // namespace eqv::workbook
