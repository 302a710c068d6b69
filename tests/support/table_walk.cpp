#include "support/table_walk.hpp"

namespace heymilo::test {

Json& node_at(Json& root, std::span<const Step> steps) {
  Json* node = &root;
  for (const Step& step : steps)
    node = step.key.empty() ? &node->array()[step.index] : node->find(step.key);
  return *node;
}

std::string pointer_of(std::span<const Step> steps) {
  std::string pointer;
  for (const Step& step : steps)
    pointer += "/" + (step.key.empty() ? std::to_string(step.index) : step.key);
  return pointer;
}

}  // namespace heymilo::test
