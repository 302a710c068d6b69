#include "baselines.hpp"

namespace heymilo::bench {
namespace {
namespace od = simdjson::ondemand;

simdjson::error_code walk(od::value value) {
  od::json_type type;
  SIMDJSON_TRY(value.type().get(type));
  switch (type) {
    case od::json_type::object: {
      od::object object;
      SIMDJSON_TRY(value.get_object().get(object));
      for (auto member : object) {
        od::field field;
        SIMDJSON_TRY(std::move(member).get(field));
        std::string_view key;
        SIMDJSON_TRY(field.unescaped_key().get(key));
        SIMDJSON_TRY(walk(field.value()));
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::array: {
      od::array array;
      SIMDJSON_TRY(value.get_array().get(array));
      for (auto item : array) {
        od::value element;
        SIMDJSON_TRY(item.get(element));
        SIMDJSON_TRY(walk(element));
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::string:
      return value.get_string().error();
    case od::json_type::number:
      return value.get_number().error();
    case od::json_type::boolean:
      return value.get_bool().error();
    case od::json_type::null: {
      bool is_null = false;
      SIMDJSON_TRY(value.is_null().get(is_null));
      return is_null ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    }
  }
  return simdjson::INCORRECT_TYPE;
}
}  // namespace

simdjson::error_code walk_every_value(od::parser& parser, std::string_view json,
                                      std::size_t capacity) {
  od::document doc;
  SIMDJSON_TRY(parser.iterate(json.data(), json.size(), capacity).get(doc));
  od::value root;
  SIMDJSON_TRY(doc.get_value().get(root));
  return walk(root);
}

}  // namespace heymilo::bench
