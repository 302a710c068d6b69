#pragma once
// The walker's string decoding. The walker knows where each string ends (from stage 1's
// token list) and which strings hold a backslash, so unlike a general JSON string parser
// these never search for the closing quote and only ever see strings with escapes. They copy
// 16 bytes at a time with SSE2 (every x86-64 has it) or 32 with AVX2. Reading up to 31 bytes
// past a string is safe: the input is padded (kPadding).

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
// The decoder also has an AVX2 loop, chosen at run time (the build targets any x86-64).
#define HEYMILO_AVX2_AT_RUN_TIME 1
#endif

namespace heymilo::detail {

#if defined(__SSE2__)
// Bit i set when at[i] is a backslash, for the 16 bytes at `at`.
inline std::uint32_t backslashes(const char* at) noexcept {
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, _mm_set1_epi8('\\'))));
}
#endif

#if HEYMILO_AVX2_AT_RUN_TIME
inline const bool kHasAvx2 = [] {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") != 0;
}();
#endif

// Copies [at, end) to `out` up to the first backslash; returns where it stopped (end, or the
// backslash) and advances `out` past the bytes copied. May write 15 bytes past them.
inline const char* copy_to_backslash(const char* at, const char* end, char*& out) noexcept {
#if defined(__SSE2__)
  while (at < end) {
    std::memcpy(out, at, 16);
    const unsigned found = backslashes(at);
    const auto step = found ? static_cast<std::ptrdiff_t>(std::countr_zero(found)) : 16;
    if (step >= end - at) break;
    at += step;
    out += step;
    if (found) return at;
  }
  out += end - at;
  return end;
#else
  const void* found = std::memchr(at, '\\', static_cast<std::size_t>(end - at));
  const char* stop = found ? static_cast<const char*>(found) : end;
  std::memcpy(out, at, static_cast<std::size_t>(stop - at));
  out += stop - at;
  return stop;
#endif
}

// The value of four hex digits, or -1. Table lookups instead of a branch per digit.
inline int hex4(const char* text) noexcept {
  static constexpr auto kDigit = [] {  // a hex digit's value; 0xFF: not a hex digit
    std::array<std::uint8_t, 256> table{};
    table.fill(0xFF);
    for (int i = 0; i < 10; ++i) table['0' + i] = static_cast<std::uint8_t>(i);
    for (int i = 0; i < 6; ++i) {
      table['a' + i] = static_cast<std::uint8_t>(10 + i);
      table['A' + i] = static_cast<std::uint8_t>(10 + i);
    }
    return table;
  }();
  const auto digit = [&](int i) { return kDigit[static_cast<unsigned char>(text[i])]; };
  const unsigned a = digit(0), b = digit(1), c = digit(2), d = digit(3);
  if ((a | b | c | d) & 0xF0) return -1;
  return static_cast<int>(a << 12 | b << 8 | c << 4 | d);
}

inline char* append_utf8(char* out, std::uint32_t code_point) noexcept {
  if (code_point < 0x80) {
    *out++ = static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    *out++ = static_cast<char>(0xC0 | (code_point >> 6));
    *out++ = static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (code_point >> 12));
    *out++ = static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (code_point >> 18));
    *out++ = static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (code_point & 0x3F));
  }
  return out;
}

// Decodes the escape at `at` (a backslash before `end`, the closing quote) into `out`.
// Returns the text after it, or null when it is not a JSON escape or leaves a lone surrogate.
inline const char* decode_escape(const char* at, const char* end, char*& out) noexcept {
  // The byte each one-letter escape stands for; 0: not one ('u' and the invalid ones).
  static constexpr auto kSimple = [] {
    std::array<char, 256> table{};
    table['"'] = '"', table['\\'] = '\\', table['/'] = '/', table['b'] = '\b';
    table['f'] = '\f', table['n'] = '\n', table['r'] = '\r', table['t'] = '\t';
    return table;
  }();
  if (end - at < 2) return nullptr;
  if (const char simple = kSimple[static_cast<unsigned char>(at[1])]) {
    *out++ = simple;
    return at + 2;
  }
  if (at[1] != 'u' || end - at < 6) return nullptr;
  const int unit = hex4(at + 2);
  if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF)) return nullptr;
  if (unit < 0xD800 || unit > 0xDBFF) {
    out = append_utf8(out, static_cast<std::uint32_t>(unit));
    return at + 6;
  }
  // A high surrogate must be followed by an escaped low one.
  if (end - at < 12 || at[6] != '\\' || at[7] != 'u') return nullptr;
  const int low = hex4(at + 8);
  if (low < 0xDC00 || low > 0xDFFF) return nullptr;
  out = append_utf8(out, 0x10000 + ((static_cast<std::uint32_t>(unit) - 0xD800) << 10) +
                             (static_cast<std::uint32_t>(low) - 0xDC00));
  return at + 12;
}

// Decodes the string body [at, end) into `out` (`end` being the closing quote). Returns the
// end of the output, or null on an invalid escape. The output is as long as the input
// exactly when the body holds no escape. This one runs 16 bytes at a time (SSE2; without it,
// memchr and memcpy).
inline char* decode_string_body_sse2(const char* at, const char* end, char* out) noexcept {
  for (at = copy_to_backslash(at, end, out); at != end; at = copy_to_backslash(at, end, out)) {
    at = decode_escape(at, end, out);
    if (at == nullptr) return nullptr;
  }
  return out;
}

#if HEYMILO_AVX2_AT_RUN_TIME
// The same 32 bytes at a time, in one function: each block is loaded once, stored, and
// searched; an escape costs one exit from the loop and no call.
[[gnu::target("avx2"), gnu::flatten]] inline char* decode_string_body_avx2(const char* at,
                                                                           const char* end,
                                                                           char* out) noexcept {
  const __m256i backslash = _mm256_set1_epi8('\\');
  for (;;) {
    const __m256i block = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out), block);
    const auto found =
        static_cast<unsigned>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(block, backslash)));
    if (found == 0) {
      at += 32;
      out += 32;
      if (at < end) continue;
      return out - (at - end);
    }
    const auto step = static_cast<std::ptrdiff_t>(std::countr_zero(found));
    if (step >= end - at) return out + (end - at);
    at += step;
    out += step;
    at = decode_escape(at, end, out);
    if (at == nullptr) return nullptr;
  }
}
#endif

// Decodes with the widest loop the CPU runs. May write 31 bytes past the output.
inline char* decode_string_body(const char* at, const char* end, char* out) noexcept {
#if HEYMILO_AVX2_AT_RUN_TIME
  if (kHasAvx2) return decode_string_body_avx2(at, end, out);
#endif
  return decode_string_body_sse2(at, end, out);
}

}  // namespace heymilo::detail
