#pragma once
// The documents of the contract (listed once, in documents.inc) and what a parse that may
// return any of them gives back.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <variant>

#include <heymilo/export.hpp>
#include <heymilo/payloads.hpp>
#include <heymilo/report.hpp>
#include <heymilo/webhook.hpp>

namespace heymilo {

// A kind of document.
enum class Document : std::uint8_t {
#define HEYMILO_DOCUMENT(name, View, Root) name,
#include <heymilo/documents.inc>
};

inline constexpr Document kAllDocuments[] = {
#define HEYMILO_DOCUMENT(name, View, Root) Document::name,
#include <heymilo/documents.inc>
};

HEYMILO_API std::string_view to_string(Document document) noexcept;
HEYMILO_API std::optional<Document> document_from_string(std::string_view name) noexcept;

// The Document whose view is `View`: DocumentOf<ReportAvailable>::value.
template <class View>
struct DocumentOf;
#define HEYMILO_DOCUMENT(name, View, Root)            \
  template <>                                         \
  struct DocumentOf<View> {                           \
    static constexpr Document value = Document::name; \
  };
#include <heymilo/documents.inc>

namespace detail {
template <class Ignored, class... Views>
using VariantOfRest = std::variant<const Views*...>;
}  // namespace detail

// What parse() found: one alternative per Document, in the same order.
using AnyDocument = detail::VariantOfRest<void
#define HEYMILO_DOCUMENT(name, View, Root) , View
#include <heymilo/documents.inc>
                                          >;

#define HEYMILO_DOCUMENT(name, View, Root)                                                         \
  static_assert(std::is_same_v<                                                                    \
                std::variant_alternative_t<static_cast<std::size_t>(Document::name), AnyDocument>, \
                const View*>);
#include <heymilo/documents.inc>

inline Document document_of(const AnyDocument& any) noexcept {
  return static_cast<Document>(any.index());  // the same order, checked above
}

}  // namespace heymilo
