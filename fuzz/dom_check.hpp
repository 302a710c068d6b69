#pragma once
// Compares an accepted view with simdjson's DOM reading of the same input: every node the
// view walk meets (view_walk.hpp) is looked up in the DOM by its JSON Pointer and must hold
// the same value there. The DOM parser is an independent reader (stage 2 builds a tape), so
// a value the on-demand walk misreads, a string unescaped wrongly, a raw JSON slice cut in
// the wrong place or a field lost on the way shows up as a mismatch.

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "fuzz_support.hpp"
#include "view_walk.hpp"

namespace heymilo::fuzz {

namespace detail {

namespace dom = simdjson::dom;

[[noreturn]] inline void mismatch(const ViewNode& node, std::string_view what,
                                  dom::element element) {
  std::string detail = "at \"" + std::string(node.path) + "\": " + std::string(what);
  detail.append("\nDOM value: ").append(simdjson::minify(element));
  fail("the view and simdjson's DOM disagree", detail);
}

inline std::string number_text(double value) {
  char text[32];
  return {text, std::to_chars(text, text + sizeof text, value).ptr};
}

// A number the DOM read (int64, uint64 or double) as the double the library holds for a
// `number` field: the DOM converts integers, the library parses their text, and both round
// the same exact value to the nearest double.
inline bool dom_number(dom::element element, double& out) {
  switch (element.type()) {
    case dom::element_type::INT64:
      out = static_cast<double>(std::int64_t(element.get_int64()));
      return true;
    case dom::element_type::UINT64:
      out = static_cast<double>(std::uint64_t(element.get_uint64()));
      return true;
    case dom::element_type::DOUBLE:
      out = double(element.get_double());
      return true;
    default:
      return false;
  }
}

inline void check_integer(const ViewNode& node, std::int64_t value, dom::element element) {
  switch (element.type()) {
    case dom::element_type::INT64:
      if (std::int64_t(element.get_int64()) == value) return;
      break;
    case dom::element_type::DOUBLE:  // 7.0, 7e0
      if (double(element.get_double()) == static_cast<double>(value)) return;
      break;
    default:
      break;
  }
  mismatch(node, "integer " + std::to_string(value), element);
}

// The raw text the view holds for an opaque value must be JSON that reads back as the DOM's
// value at that place.
inline void check_raw(const ViewNode& node, std::string_view raw, dom::element element) {
  static dom::parser raw_parser;
  dom::element reread;
  if (raw_parser.parse(simdjson::padded_string(raw)).get(reread) != simdjson::SUCCESS)
    mismatch(node, "raw text that is not JSON: " + std::string(raw), element);
  if (simdjson::minify(reread) != simdjson::minify(element))
    mismatch(node, "raw text " + std::string(raw), element);
}

inline void check_node(const ViewNode& node, dom::element root) {
  using tables::Kind;
  dom::element element;
  const simdjson::error_code found = root.at_pointer(node.path).get(element);
  if (node.presence == Presence::absent) {
    if (found == simdjson::NO_SUCH_FIELD) return;
    if (found == simdjson::SUCCESS) mismatch(node, "absent in the view", element);
    fail("DOM lookup failed", std::string(node.path) + ": " + simdjson::error_message(found));
  }
  if (found != simdjson::SUCCESS)
    fail("the view holds a value the DOM does not have",
         std::string(node.path) + ": " + simdjson::error_message(found));
  if (node.presence == Presence::null) {
    if (!element.is_null()) mismatch(node, "null in the view", element);
    return;
  }
  switch (node.kind) {
    case Kind::string: {
      const auto value = *static_cast<const std::string_view*>(node.value);
      std::string_view text;
      if (element.get_string().get(text) != simdjson::SUCCESS || text != value)
        mismatch(node, "string " + std::string(value), element);
      return;
    }
    case Kind::number: {
      const double value = *static_cast<const double*>(node.value);
      double expected = 0;
      if (!dom_number(element, expected) || expected != value)
        mismatch(node, "number " + number_text(value), element);
      return;
    }
    case Kind::integer:
      return check_integer(node, *static_cast<const std::int64_t*>(node.value), element);
    case Kind::boolean: {
      const bool value = *static_cast<const bool*>(node.value);
      bool flag = false;
      if (element.get_bool().get(flag) != simdjson::SUCCESS || flag != value)
        mismatch(node, value ? "true" : "false", element);
      return;
    }
    case Kind::object:
      if (!element.is_object()) mismatch(node, "an object", element);
      return;
    case Kind::raw_object:
      if (!element.is_object()) mismatch(node, "an opaque object", element);
      return check_raw(node, static_cast<const RawObject*>(node.value)->json, element);
    case Kind::raw_json:
      return check_raw(node, static_cast<const RawJson*>(node.value)->json, element);
    case Kind::array: {
      dom::array array;
      if (element.get_array().get(array) != simdjson::SUCCESS || array.size() != node.count)
        mismatch(node, "an array of " + std::to_string(node.count), element);
      return;
    }
  }
}

}  // namespace detail

// Aborts unless every value of `document` equals the DOM's value at the same path.
inline void check_against_dom(const AnyDocument& document, simdjson::dom::element root) {
  walk_view(document, [root](const ViewNode& node) { detail::check_node(node, root); });
}

}  // namespace heymilo::fuzz
