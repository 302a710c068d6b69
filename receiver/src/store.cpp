#include "store.hpp"

#include <algorithm>
#include <cmath>

#include "sqlite_store.hpp"
#ifdef HEYMILO_RECEIVER_POSTGRES
#include "postgres_store.hpp"
#endif

namespace heymilo::receiver {

std::unique_ptr<Store> open_store(std::string_view uri) {
  if (uri.starts_with("sqlite:")) return std::make_unique<SqliteStore>(uri.substr(7));
  if (uri.starts_with("postgresql://") || uri.starts_with("postgres://")) {
#ifdef HEYMILO_RECEIVER_POSTGRES
    return std::make_unique<PostgresStore>(uri);
#else
    throw StoreError(
        "this heymilo-receiver was built without PostgreSQL: install libpq-dev "
        "(scripts/install-deps.sh) and configure again");
#endif
  }
  throw StoreError("--store '" + std::string(uri) + "': expected sqlite:FILE or postgresql://...");
}

std::chrono::duration<double> retry_delay(const RetryPolicy& policy, unsigned attempts) {
  const unsigned doublings = std::clamp(attempts, 1u, 41u) - 1;
  return std::chrono::duration<double>(
      std::min(policy.backoff.count() * std::exp2(doublings), 3600.0));
}

}  // namespace heymilo::receiver
