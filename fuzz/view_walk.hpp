#pragma once
// Walks a parsed view generically, from the field tables (tables::describe): every field of
// every struct, absent, null or present, and every array element, each with its JSON
// Pointer. The fuzz targets use it to read every value a view holds and to compare it with
// another parser's reading of the same input; no field is named here.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include <heymilo/detail/tables.hpp>
#include <heymilo/parser.hpp>

namespace heymilo::fuzz {

// One value of a view, as the walk meets it.
struct ViewNode {
  std::string_view path;  // RFC 6901 pointer; "" is the root
  tables::Kind kind;      // the field's kind, or its element kind inside an array
  // The field that holds the value (for an array element: the array's field); null for the
  // root and for the elements of a webhook list.
  const tables::FieldInfo* field;
  Presence presence;  // array elements and the root are always present
  const void* value;  // when present: the std::string_view, double, ... the view holds
  std::size_t count;  // arrays: the number of elements
};

namespace detail {

template <class Visit>
void walk_struct(std::string& path, const tables::StructInfo& info, const void* object,
                 Visit& visit);

template <class Visit>
void walk_value(std::string& path, tables::Kind kind, const tables::FieldInfo* field,
                const void* value, Visit& visit) {
  using tables::Kind;
  std::span<const std::byte> elements;
  if (kind == Kind::array) elements = field->get_span(value);
  const std::size_t count = kind == Kind::array ? elements.size() / field->element_size : 0;
  visit(ViewNode{path, kind, field, Presence::present, value, count});
  if (kind == Kind::object) walk_struct(path, field->nested(), value, visit);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t mark = path.size();
    path.append("/").append(std::to_string(i));
    walk_value(path, field->element_kind, field, elements.data() + i * field->element_size, visit);
    path.resize(mark);
  }
}

template <class Visit>
void walk_struct(std::string& path, const tables::StructInfo& info, const void* object,
                 Visit& visit) {
  for (const tables::FieldInfo& field : info.fields) {
    const std::size_t mark = path.size();
    append_pointer_token(path, field.name);
    const Presence presence = tables::presence_of(field, object);
    if (presence == Presence::present) {
      walk_value(path, field.kind, &field, tables::value_of(field, object), visit);
    } else {
      visit(ViewNode{path, field.kind, &field, presence, nullptr, 0});
    }
    path.resize(mark);
  }
}

}  // namespace detail

// Calls visit(const ViewNode&) for the root, then for every field and element below it, in
// the tables' order (a parent before its children).
template <class Visit>
void walk_view(const AnyDocument& document, Visit&& visit) {
  std::string path;
  const tables::StructInfo& root = tables::describe(document_of(document));
  if (const auto* list = std::get_if<const WebhookList*>(&document)) {
    const std::span<const Webhook> webhooks = (*list)->webhooks;
    visit(ViewNode{path, tables::Kind::array, nullptr, Presence::present, *list, webhooks.size()});
    for (std::size_t i = 0; i < webhooks.size(); ++i) {
      path = "/" + std::to_string(i);
      visit(ViewNode{path, tables::Kind::object, nullptr, Presence::present, &webhooks[i], 0});
      detail::walk_struct(path, root, &webhooks[i], visit);
    }
    return;
  }
  const void* object = std::visit([](const auto* view) -> const void* { return view; }, document);
  visit(ViewNode{path, tables::Kind::object, nullptr, Presence::present, object, 0});
  detail::walk_struct(path, root, object, visit);
}

// Reads every byte of every string and raw JSON text the view points to, so that
// AddressSanitizer reports a view into freed or foreign memory. Returns a checksum.
inline std::size_t read_every_value(const AnyDocument& document) {
  std::size_t sum = 0;
  walk_view(document, [&sum](const ViewNode& node) {
    if (node.presence != Presence::present) return;
    std::string_view text;
    if (node.kind == tables::Kind::string) text = *static_cast<const std::string_view*>(node.value);
    if (node.kind == tables::Kind::raw_object)
      text = static_cast<const RawObject*>(node.value)->json;
    if (node.kind == tables::Kind::raw_json) text = static_cast<const RawJson*>(node.value)->json;
    for (char c : text) sum = sum * 31 + static_cast<unsigned char>(c);
  });
  return sum;
}

}  // namespace heymilo::fuzz
