#include "generator.hpp"

#include "builder.hpp"

namespace heymilo::generator {
namespace {
std::string build(Document document, std::uint64_t seed, const Plan& plan, std::size_t reserve) {
  std::string out;
  out.reserve(reserve);
  Builder(seed, plan, out).document(document);
  return out;
}
}  // namespace

// A size target is met in two runs: one with empty growth arrays measures the rest of the
// report (the growth arrays draw from their own random stream, so the rest is the same
// bytes in both runs), the second gives the growth arrays exactly the difference. Targets
// below a full report's base size use the lean plan (nulls, short text).
std::string generate(Document document, const Options& options) {
  if (document != Document::report_available || options.target_bytes == 0)
    return build(document, options.seed, Plan{}, 4096);
  const std::size_t target = options.target_bytes;
  Plan plan{.lean = false, .budgeted = true, .growth_bytes = 0};
  std::size_t base = build(document, options.seed, plan, 32 * 1024).size();
  if (base > target) {
    plan.lean = true;
    base = build(document, options.seed, plan, 8 * 1024).size();
  }
  plan.growth_bytes = target > base ? target - base : 0;
  return build(document, options.seed, plan, base + plan.growth_bytes + 64);
}

}  // namespace heymilo::generator
