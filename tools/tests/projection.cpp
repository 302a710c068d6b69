#include "projection.hpp"

#include <simdjson.h>
#include <cmath>
#include <cstdint>

namespace heymilo::test {
namespace {
namespace dom = simdjson::dom;
using tables::FieldInfo;
using tables::Kind;
using tables::StructInfo;

bool is_number(dom::element_type type) {
  return type == dom::element_type::INT64 || type == dom::element_type::UINT64 ||
         type == dom::element_type::DOUBLE;
}

// JSON value equality: numbers by value (integers exactly, others as doubles), objects
// regardless of key order.
bool same_json(dom::element a, dom::element b) {
  if (is_number(a.type()) && is_number(b.type())) {
    if (a.type() != dom::element_type::DOUBLE && b.type() != dom::element_type::DOUBLE) {
      if (a.type() == b.type())
        return a.type() == dom::element_type::INT64 ? std::int64_t(a) == std::int64_t(b)
                                                    : std::uint64_t(a) == std::uint64_t(b);
      return false;  // one is negative or beyond int64, the other not
    }
    return double(a) == double(b);
  }
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case dom::element_type::STRING:
      return std::string_view(a) == std::string_view(b);
    case dom::element_type::BOOL:
      return bool(a) == bool(b);
    case dom::element_type::NULL_VALUE:
      return true;
    case dom::element_type::ARRAY: {
      dom::array x = a, y = b;
      if (x.size() != y.size()) return false;
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j)
        if (!same_json(*i, *j)) return false;
      return true;
    }
    case dom::element_type::OBJECT: {
      dom::object x = a, y = b;
      if (x.size() != y.size()) return false;
      for (auto [key, value] : x) {
        dom::element other;
        if (y.at_key(key).get(other) || !same_json(value, other)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

class Comparer {
 public:
  std::string difference;

  bool object(const StructInfo& info, dom::object input, dom::object output,
              const std::string& path) {
    std::size_t known_in_input = 0;
    for (const FieldInfo& field : info.fields) {
      const std::string at = path + "/" + std::string(field.name);
      dom::element in, out;
      const bool in_present = !input.at_key(field.name).get(in);
      const bool out_present = !output.at_key(field.name).get(out);
      if (!in_present) {
        if (out_present) return fail(at, "absent in the input, present in the output");
        continue;
      }
      ++known_in_input;
      if (!out_present) return fail(at, "present in the input, absent in the output");
      if (in.is_null() || out.is_null()) {
        if (!(in.is_null() && out.is_null())) return fail(at, "null on one side only");
        continue;
      }
      if (!value(field, field.kind, in, out, at)) return false;
    }
    // Whatever else the output holds is not a known field of the input.
    if (output.size() != known_in_input)
      return fail(path, "the output has fields the input's known fields do not");
    return true;
  }

 private:
  bool fail(const std::string& path, const std::string& what) {
    difference = (path.empty() ? std::string("(root)") : path) + ": " + what;
    return false;
  }

  bool value(const FieldInfo& field, Kind kind, dom::element in, dom::element out,
             const std::string& at) {
    switch (kind) {
      case Kind::string:
        if (!in.is_string() || !out.is_string() || std::string_view(in) != std::string_view(out))
          return fail(at, "strings differ");
        return true;
      case Kind::number:
        if (!in.is_number() || !out.is_number() || double(in) != double(out))
          return fail(at, "numbers differ");
        return true;
      case Kind::integer: {
        // The input may write an integer as 7, 7.0 or 7e0; the output writes it as 7.
        if (!in.is_number() || out.type() != dom::element_type::INT64)
          return fail(at, "not an integer");
        const std::int64_t expected = in.type() == dom::element_type::DOUBLE
                                          ? static_cast<std::int64_t>(double(in))
                                          : std::int64_t(in);
        if (in.type() == dom::element_type::DOUBLE && std::trunc(double(in)) != double(in))
          return fail(at, "the input is not integral");
        if (std::int64_t(out) != expected) return fail(at, "integers differ");
        return true;
      }
      case Kind::boolean:
        if (!in.is_bool() || !out.is_bool() || bool(in) != bool(out))
          return fail(at, "booleans differ");
        return true;
      case Kind::object:
        if (!in.is_object() || !out.is_object()) return fail(at, "not an object");
        return object(field.nested(), in, out, at);
      case Kind::raw_object:
      case Kind::raw_json:
        if (!same_json(in, out)) return fail(at, "opaque values differ");
        return true;
      case Kind::array: {
        if (!in.is_array() || !out.is_array()) return fail(at, "not an array");
        dom::array x = in, y = out;
        if (x.size() != y.size()) return fail(at, "array lengths differ");
        std::size_t index = 0;
        for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j, ++index) {
          if (!value(field, field.element_kind, *i, *j, at + "/" + std::to_string(index)))
            return false;
        }
        return true;
      }
    }
    return fail(at, "unknown kind");
  }
};
}  // namespace

std::string compare_projection(Document document, std::string_view input, std::string_view output) {
  dom::parser input_parser, output_parser;
  dom::element in, out;
  if (auto error = input_parser.parse(input.data(), input.size()).get(in))
    return std::string("the input is not JSON: ") + simdjson::error_message(error);
  if (auto error = output_parser.parse(output.data(), output.size()).get(out))
    return std::string("the output is not JSON: ") + simdjson::error_message(error);
  Comparer comparer;
  const StructInfo& info = tables::describe(document);
  if (document != Document::webhook_list) {
    if (!in.is_object() || !out.is_object()) return "(root): not an object";
    comparer.object(info, in, out, "");
    return comparer.difference;
  }
  if (!in.is_array() || !out.is_array()) return "(root): not an array";
  dom::array x = in, y = out;
  if (x.size() != y.size()) return "(root): array lengths differ";
  std::size_t index = 0;
  for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j, ++index) {
    if (!(*i).is_object() || !(*j).is_object())
      return "/" + std::to_string(index) + ": not an object";
    if (!comparer.object(info, *i, *j, "/" + std::to_string(index))) break;
  }
  return comparer.difference;
}

}  // namespace heymilo::test
