// Canonical JSON of views, written by walking their field tables (json_writer.hpp).
#include <heymilo/json_writer.hpp>

#include <heymilo/detail/tables.hpp>

#include <charconv>
#include <cstdio>

namespace heymilo {
namespace {
using tables::FieldInfo;
using tables::Kind;

void append_number(std::string& out, std::int64_t value) {
  char text[32];
  out.append(text, std::to_chars(text, text + sizeof text, value).ptr);
}

void append_number(std::string& out, double value) {
  // Shortest round-trip form. An integral double outside [-2^63, 2^64) gets an exponent:
  // written as a plain integer (to_chars' pick when that is no longer), such as
  // 18446744073709551616, strict parsers like simdjson's DOM reject it.
  constexpr double kLow = -9223372036854775808.0, kHigh = 18446744073709551616.0;
  char text[32];
  const auto [end, ec] =
      value < kLow || value >= kHigh
          ? std::to_chars(text, text + sizeof text, value, std::chars_format::scientific)
          : std::to_chars(text, text + sizeof text, value);
  out.append(text, end);
}

void append_value(std::string& out, Kind kind, const FieldInfo& field, const void* value);

void append_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    default: {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", c);
      out += escape;
    }
  }
}

void append_array(std::string& out, const FieldInfo& field, const void* span) {
  const std::span<const std::byte> bytes = field.get_span(span);
  out += '[';
  for (std::size_t at = 0; at < bytes.size(); at += field.element_size) {
    if (at) out += ',';
    append_value(out, field.element_kind, field, bytes.data() + at);
  }
  out += ']';
}

void append_value(std::string& out, Kind kind, const FieldInfo& field, const void* value) {
  switch (kind) {
    case Kind::string:
      append_json_string(out, *static_cast<const std::string_view*>(value));
      break;
    case Kind::number:
      append_number(out, *static_cast<const double*>(value));
      break;
    case Kind::integer:
      append_number(out, *static_cast<const std::int64_t*>(value));
      break;
    case Kind::boolean:
      out += *static_cast<const bool*>(value) ? "true" : "false";
      break;
    case Kind::object:
      tables::append_json(out, field.nested(), value);
      break;
    case Kind::raw_object:
      out += static_cast<const RawObject*>(value)->json;
      break;
    case Kind::raw_json:
      out += static_cast<const RawJson*>(value)->json;
      break;
    case Kind::array:
      append_array(out, field, value);
      break;
  }
}
}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  // Runs of characters that need no escape are appended whole.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, run, i - run);
    append_escape(out, c);
    run = i + 1;
  }
  out.append(text, run);
  out += '"';
}

void tables::append_json(std::string& out, const StructInfo& info, const void* object) {
  out += '{';
  bool first = true;
  for (const FieldInfo& field : info.fields) {
    const Presence presence = tables::presence_of(field, object);
    if (presence == Presence::absent) continue;
    if (!first) out += ',';
    first = false;
    append_json_string(out, field.name);
    out += ':';
    if (presence == Presence::null) {
      out += "null";
    } else {
      append_value(out, field.kind, field, tables::value_of(field, object));
    }
  }
  out += '}';
}

void append_json(std::string& out, const AnyDocument& document) {
  std::visit(
      [&out](const auto* view) {
        using View = std::remove_cvref_t<decltype(*view)>;
        if constexpr (std::is_same_v<View, WebhookList>) {
          out += '[';
          for (std::size_t i = 0; i < view->webhooks.size(); ++i) {
            if (i) out += ',';
            append_json(out, view->webhooks[i]);
          }
          out += ']';
        } else {
          append_json(out, *view);
        }
      },
      document);
}

}  // namespace heymilo
