#pragma once
// Walks a view's field tables the way append_json prints canonical JSON: every field the view
// holds, in the declaration's order, absent fields left out, null as null, opaque values as
// their raw text. A Builder makes the output, either values (Python's dicts and lists) or text
// (Node's ASCII JSON, written as it goes):
//
//   Value null(); Value string(std::string_view); Value number(double);
//   Value integer(std::int64_t); Value boolean(bool); Value raw_json(std::string_view);
//   Object object(); void set(Object&, const tables::FieldInfo&, Make);
//   Value finish(Object);
//   Array array(std::size_t size); void set(Array&, std::size_t index, Make);
//   Value finish(Array);
//
// where Make is a callable returning the member's Value, which set() calls once.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include <heymilo/detail/tables.hpp>
#include <heymilo/parser.hpp>

namespace heymilo::bindings {

template <class Builder>
typename Builder::Value struct_to_native(Builder& out, const tables::StructInfo& info,
                                         const void* object);

template <class Builder>
typename Builder::Value value_to_native(Builder& out, tables::Kind kind,
                                        const tables::FieldInfo& field, const void* value) {
  using tables::Kind;
  switch (kind) {
    case Kind::string:
      return out.string(*static_cast<const std::string_view*>(value));
    case Kind::number:
      return out.number(*static_cast<const double*>(value));
    case Kind::integer:
      return out.integer(*static_cast<const std::int64_t*>(value));
    case Kind::boolean:
      return out.boolean(*static_cast<const bool*>(value));
    case Kind::object:
      return struct_to_native(out, field.nested(), value);
    case Kind::raw_object:
      return out.raw_json(static_cast<const RawObject*>(value)->json);
    case Kind::raw_json:
      return out.raw_json(static_cast<const RawJson*>(value)->json);
    case Kind::array: {
      const std::span<const std::byte> bytes = field.get_span(value);
      const std::size_t size = bytes.size() / field.element_size;
      auto array = out.array(size);
      for (std::size_t i = 0; i < size; ++i)
        out.set(array, i, [&] {
          return value_to_native(out, field.element_kind, field,
                                 bytes.data() + i * field.element_size);
        });
      return out.finish(std::move(array));
    }
  }
  return out.null();
}

template <class Builder>
typename Builder::Value struct_to_native(Builder& out, const tables::StructInfo& info,
                                         const void* object) {
  auto result = out.object();
  for (const tables::FieldInfo& field : info.fields) {
    const Presence presence = tables::presence_of(field, object);
    if (presence == Presence::absent) continue;
    out.set(result, field, [&] {
      return presence == Presence::null
                 ? out.null()
                 : value_to_native(out, field.kind, field, tables::value_of(field, object));
    });
  }
  return out.finish(std::move(result));
}

// A parsed document as native objects; a webhook list is an array of webhooks.
template <class Builder>
typename Builder::Value document_to_native(Builder& out, const AnyDocument& document) {
  return std::visit(
      [&out](const auto* view) -> typename Builder::Value {
        using View = std::remove_cvref_t<decltype(*view)>;
        if constexpr (std::is_same_v<View, WebhookList>) {
          auto array = out.array(view->webhooks.size());
          for (std::size_t i = 0; i < view->webhooks.size(); ++i)
            out.set(array, i, [&] {
              return struct_to_native(out, tables::describe<Webhook>(), &view->webhooks[i]);
            });
          return out.finish(std::move(array));
        } else {
          return struct_to_native(out, tables::describe<View>(), view);
        }
      },
      document);
}

}  // namespace heymilo::bindings
