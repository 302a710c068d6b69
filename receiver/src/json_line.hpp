#pragma once
// One JSON object of string members on one line, for the answers' and the log's small
// objects: {"status":"error","message":"..."}\n.

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace heymilo::receiver {

using StringMember = std::pair<std::string_view, std::string_view>;

std::string json_line(std::initializer_list<StringMember> members);

}  // namespace heymilo::receiver
