#include <heymilo/error.hpp>

namespace heymilo {

std::string_view to_string(ErrorCode code) noexcept {
  constexpr std::string_view kNames[] = {
      "invalid_json",  "too_deep",     "too_large",     "wrong_type",    "missing_field",
      "duplicate_key", "out_of_range", "invalid_value", "unknown_event",
  };
  return kNames[static_cast<std::size_t>(code)];
}

std::string_view to_string(WarningCode) noexcept { return "unknown_field"; }

void append_pointer_token(std::string& pointer, std::string_view token) {
  pointer += '/';
  for (char c : token) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
}

std::string to_string(const Error& error) {
  std::string text;
  text.append(error.path).append(": ").append(to_string(error.code)).append(": ");
  return text.append(error.message);
}

}  // namespace heymilo
