// Google Benchmark suite: the library against simdjson on the same padded buffers, in the
// same run, so that each case's time can be read as a ratio to the DOM parse and to the
// floor (`iterate` alone). See bench/README.md.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include <heymilo/heymilo.hpp>

#include "alloc_counter.hpp"
#include "baselines.hpp"
#include "corpus.hpp"

namespace heymilo::bench {
namespace {
namespace od = simdjson::ondemand;

// Runs `parse` (bool(std::string& failure)) once to check the input and warm the parser,
// then times it and reports the throughput and the allocations each document costs.
template <class Parse>
void measure(benchmark::State& state, const Input& input, Parse&& parse) {
  std::string failure;
  if (!parse(failure)) {
    state.SkipWithError(failure.c_str());
    return;
  }
  const std::uint64_t allocations_before = allocation_count();
  for (auto _ : state) {
    bool ok = parse(failure);
    benchmark::DoNotOptimize(ok);
  }
  const double allocations = static_cast<double>(allocation_count() - allocations_before);
  const double documents = static_cast<double>(input.documents);
  const double iterations = static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input.text.size()));
  state.counters["docs_per_second"] =
      benchmark::Counter(iterations * documents, benchmark::Counter::kIsRate);
  state.counters["allocs_per_parse"] =
      benchmark::Counter(allocations / documents, benchmark::Counter::kAvgIterations);
  state.counters["doc_bytes"] = static_cast<double>(input.text.size()) / documents;
}

// Calls `one(json, capacity, failure)` for each document of the case: the whole input, or
// each NDJSON line.
template <class One>
bool each_document(const Case& c, const Input& input, std::string& failure, One&& one) {
  if (c.document)
    return one(std::string_view(input.text), input.text.size() + simdjson::SIMDJSON_PADDING,
               failure);
  return for_each_line(input.text, [&](std::string_view json, std::size_t capacity) {
    return one(json, capacity, failure);
  });
}

bool simdjson_failed(simdjson::error_code error, std::string& failure) {
  failure = simdjson::error_message(error);
  return false;
}

// One parse of every document of the case with the library (bool(std::string& failure)).
auto heymilo_parser(const Case& c, const Input& input, Parser& parser) {
  return [&c, &input, &parser](std::string& failure) {
    return each_document(
        c, input, failure, [&](std::string_view json, std::size_t capacity, std::string& failure) {
          const PaddedInput padded{json, capacity};
          auto result =
              c.document && !c.detected ? parser.parse(padded, *c.document) : parser.parse(padded);
          if (!result) failure = to_string(result.error());
          return result.ok();
        });
  };
}

// The same with simdjson's DOM parser.
auto dom_parser(const Case& c, const Input& input, simdjson::dom::parser& parser) {
  return [&c, &input, &parser](std::string& failure) {
    return each_document(c, input, failure,
                         [&](std::string_view json, std::size_t, std::string& failure) {
                           simdjson::dom::element root;
                           if (auto error = parser.parse(json.data(), json.size(), false).get(root))
                             return simdjson_failed(error, failure);
                           return true;
                         });
  };
}

void heymilo_parse(benchmark::State& state, const Case& c) {
  const Input& input = input_of(c);
  Parser parser;
  measure(state, input, heymilo_parser(c, input, parser));
}

void dom_parse(benchmark::State& state, const Case& c) {
  const Input& input = input_of(c);
  simdjson::dom::parser parser;
  measure(state, input, dom_parser(c, input, parser));
}

// Two parses in turns, each timed over a batch of parses of about 50 µs, which goes first
// alternating. The two batches of a pair run within microseconds of each other, under the
// same load, so their ratio holds still where the times of separate runs move with the load
// on a shared machine. Returns the median ratio of the pairs, `measured` over `baseline`.
template <class Measured, class Baseline>
double paired_median(benchmark::State& state, Measured& measured, Baseline& baseline) {
  std::string failure;
  if (!measured(failure) || !baseline(failure)) {
    state.SkipWithError(failure.c_str());
    return 0;
  }
  const auto seconds = [&](auto& parse, std::size_t count) {
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < count; ++i) {
      bool ok = parse(failure);
      benchmark::DoNotOptimize(ok);
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  const double once = std::min({seconds(measured, 1), seconds(measured, 1), seconds(measured, 1)});
  const auto batch = static_cast<std::size_t>(std::max(1.0, 50e-6 / std::max(once, 1e-9)));
  std::vector<double> ratios;
  bool measured_first = true;
  for (auto _ : state) {
    double measured_seconds = 0, baseline_seconds = 0;
    if (measured_first) measured_seconds = seconds(measured, batch);
    baseline_seconds = seconds(baseline, batch);
    if (!measured_first) measured_seconds = seconds(measured, batch);
    ratios.push_back(measured_seconds / baseline_seconds);
    measured_first = !measured_first;
  }
  const auto middle = ratios.begin() + static_cast<std::ptrdiff_t>(ratios.size() / 2);
  std::nth_element(ratios.begin(), middle, ratios.end());
  return *middle;
}

// The library against the DOM parse (`heymilo_per_dom`); the benchmark's own time is that of
// both parses and means nothing.
void paired_ratio(benchmark::State& state, const Case& c) {
  const Input& input = input_of(c);
  Parser parser;
  simdjson::dom::parser dom;
  auto library = heymilo_parser(c, input, parser);
  auto baseline = dom_parser(c, input, dom);
  state.counters["heymilo_per_dom"] = paired_median(state, library, baseline);
}

// What the options of rules 15 and 16 cost on a valid document: the library with every
// error asked for (--all-errors), or with drift warnings, against the default options.
constexpr Options kAllErrors{.max_errors = 100};
constexpr Options kDrift{.drift = true};

void heymilo_with(benchmark::State& state, const Case& c, const Options& options) {
  const Input& input = input_of(c);
  Parser parser(options);
  measure(state, input, heymilo_parser(c, input, parser));
}

void paired_with(benchmark::State& state, const Case& c, const Options& options) {
  const Input& input = input_of(c);
  Parser with(options), without;
  auto measured = heymilo_parser(c, input, with);
  auto baseline = heymilo_parser(c, input, without);
  state.counters["per_default"] = paired_median(state, measured, baseline);
}

void ondemand_walk(benchmark::State& state, const Case& c) {
  const Input& input = input_of(c);
  od::parser parser;
  measure(state, input, [&](std::string& failure) {
    return each_document(c, input, failure,
                         [&](std::string_view json, std::size_t capacity, std::string& failure) {
                           if (auto error = walk_every_value(parser, json, capacity))
                             return simdjson_failed(error, failure);
                           return true;
                         });
  });
}

void iterate_floor(benchmark::State& state, const Case& c) {
  const Input& input = input_of(c);
  od::parser parser;
  measure(state, input, [&](std::string& failure) {
    return each_document(c, input, failure,
                         [&](std::string_view json, std::size_t capacity, std::string& failure) {
                           auto doc = parser.iterate(json.data(), json.size(), capacity);
                           benchmark::DoNotOptimize(doc);
                           if (auto error = doc.error()) return simdjson_failed(error, failure);
                           return true;
                         });
  });
}

// simdjson's own bulk readers (`open` is parse_many or iterate_many), over the whole NDJSON
// buffer, on one core like every other case.
template <class SimdjsonParser, class Stream, class Open>
void read_stream(benchmark::State& state, const Case& c, std::string_view reader, Open open) {
  const Input& input = input_of(c);
  SimdjsonParser parser;
  parser.threaded = false;
  measure(state, input, [&](std::string& failure) {
    Stream stream;
    if (auto error = open(parser, input.text).get(stream)) return simdjson_failed(error, failure);
    std::size_t count = 0;
    for (auto doc : stream) {
      if (auto error = doc.error()) return simdjson_failed(error, failure);
      ++count;
    }
    if (count == input.documents) return true;
    failure = std::string(reader) + " saw " + std::to_string(count) + " documents";
    return false;
  });
}

void dom_parse_many(benchmark::State& state, const Case& c) {
  read_stream<simdjson::dom::parser, simdjson::dom::document_stream>(
      state, c, "parse_many",
      [](auto& parser, const auto& text) { return parser.parse_many(text); });
}

void iterate_many_floor(benchmark::State& state, const Case& c) {
  read_stream<od::parser, od::document_stream>(
      state, c, "iterate_many",
      [](auto& parser, const auto& text) { return parser.iterate_many(text); });
}

void register_all() {
  using Function = void (*)(benchmark::State&, const Case&);
  const std::pair<const char*, Function> per_document[] = {
      {"heymilo", heymilo_parse}, {"dom", dom_parse},       {"ondemand_walk", ondemand_walk},
      {"iterate", iterate_floor}, {"paired", paired_ratio},
  };
  const std::pair<const char*, Function> bulk[] = {
      {"dom_parse_many", dom_parse_many},
      {"iterate_many", iterate_many_floor},
  };
  const std::pair<const char*, const Options*> with_options[] = {{"all_errors", &kAllErrors},
                                                                 {"drift", &kDrift}};
  for (const Case& c : all_cases()) {
    for (auto [name, function] : per_document)
      benchmark::RegisterBenchmark((c.name + "/" + name).c_str(), function, c);
    if (c.name == "report_1MB") {
      for (auto [name, options] : with_options) {
        benchmark::RegisterBenchmark((c.name + "/heymilo_" + name).c_str(), heymilo_with, c,
                                     *options);
        benchmark::RegisterBenchmark((c.name + "/" + name + "_paired").c_str(), paired_with, c,
                                     *options);
      }
    }
    if (!c.document)
      for (auto [name, function] : bulk)
        benchmark::RegisterBenchmark((c.name + "/" + name).c_str(), function, c);
  }
}

}  // namespace
}  // namespace heymilo::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  // Which simdjson kernels run: the one chosen at run time (stage 1) and the one compiled
  // into the on-demand code of this build (follows -march).
  benchmark::AddCustomContext("simdjson_active", simdjson::get_active_implementation()->name());
  benchmark::AddCustomContext("simdjson_builtin",
                              SIMDJSON_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION));
  heymilo::bench::register_all();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
