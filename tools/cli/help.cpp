#include "help.hpp"

namespace heymilo::cli {
namespace {

constexpr std::string_view kMain = R"(heymilo - validate and extract HeyMilo webhook payloads

Usage: heymilo COMMAND [FLAGS] [INPUTS]

Commands:
  validate   check documents against the validation contract; one result per document
  extract    print every documented and example-only field of a document as JSON
  generate   write deterministic, realistic, strict-valid example documents

Documents (the values of --event):
  interview_started, interview_completed, report_available,
  webhook_create_request, webhook, webhook_list; `auto` detects the three payloads

Exit codes: 0 all valid, 1 some document invalid, 2 usage or I/O error.

Examples:
  heymilo validate tests/data/report_available.json
  heymilo generate --event report_available --size 1M | heymilo validate --stats -
  heymilo extract payload.json

`heymilo COMMAND --help` explains each command's flags. `heymilo --version` prints the version.
)";

constexpr std::string_view kValidate =
    R"(Usage: heymilo validate [FLAGS] [FILE... | DIRECTORY... | -]

Checks each input against the validation contract and prints one line per document:
  FILE: ok (EVENT)
  FILE: CODE at PATH: MESSAGE        (PATH is a JSON Pointer, empty for the root)
(a line per error with --max-errors, then a line per warning with --drift).
With --ndjson, FILE:LINE names the line. A DIRECTORY stands for the *.json files in it
(sorted by name, not recursive); `-` or no input at all reads standard input.

Flags:
  --event E        validate as document E instead of detecting the payload from its keys.
                   E: interview_started, interview_completed, report_available,
                   webhook_create_request, webhook, webhook_list, or auto (the default).
                     heymilo validate --event webhook_list hooks.json
  --lenient        documented fields may be absent, except the identifiers (contract rule 10).
                     heymilo validate --lenient partial.json
  --json           one JSON object per document and line, for programs:
                   {"input":..,"valid":..,"event":..,"errors":[{"code":..,"path":..,
                   "offset":..,"message":..}]}, plus "line":N with --ndjson and
                   "warnings":[...] (the same fields) with --drift; "event" is what the
                   document was read as, null when auto could not tell.
                     heymilo validate --json *.json
  --ndjson         each non-empty line of each input is one document, reported with its
                   line number. Inputs are read in chunks: memory stays bounded by the
                   largest document, not the file.
                     heymilo validate --ndjson --event interview_started events.ndjson
  --max-bytes N    documents (or NDJSON lines) longer than N bytes are too_large; they are
                   not loaded. K, M, G suffixes are powers of 1024. Default 64M.
                     heymilo validate --max-bytes 300M huge-report.json
  --max-depth N    nesting deeper than N is too_deep (default 1024; at most 4096 is honoured).
                     heymilo validate --max-depth 64 payload.json
  --stats          at the end, print to stderr the documents and bytes checked, the valid
                   and invalid counts and the throughput (MB/s and docs/s over the run's
                   wall time, reading included).
                     heymilo validate --stats --ndjson events.ndjson
  --max-errors N   report up to N errors a document (default 1), in document order, the
                   first always the one the default reports (contract rule 15): one line
                   each, or all in "errors" with --json. A document that is not JSON, too
                   deep, too large or of an unknown event has that one error.
                     heymilo validate --max-errors 10 payload.json
  --all-errors     the same as --max-errors 100.
  --drift          also report each unknown key of a typed object (a field the contract
                   does not know: has the provider started sending something new?) as
                   `FILE: warning unknown_field at PATH`, or in "warnings" with --json; at
                   most 100 a document. Warnings never make a document invalid.
                     heymilo validate --drift --ndjson deliveries.ndjson
  --summary        instead of a line per document, print counts over all inputs: documents
                   per event and verdict, errors per code and path pattern, and with --drift
                   unknown fields per path pattern with the share of that event's documents
                   carrying them. Array indices are written `*`. At most 10000 patterns are
                   kept a table; the rest are counted together as other patterns. With
                   --json, one JSON object.
                     heymilo validate --summary --drift --all-errors --ndjson day.ndjson
  -h, --help       show this help.

Exit codes: 0 every document valid, 1 any invalid, 2 usage or I/O error (a missing or
unreadable file, a directory without *.json files, a bad flag); after an I/O error the
other inputs are still checked.
)";

constexpr std::string_view kExtract = R"(Usage: heymilo extract [FLAGS] FILE|-

Validates one document and prints, as one JSON value on one line, every documented and
example-only field the parsed views hold: built from the views (not by re-printing the
input), fields in the docs' order, unknown fields left out, absent fields left out, nulls as
null, opaque objects as their raw JSON, strings decoded and re-escaped, integers as integers
and other numbers in shortest round-trip form. An invalid document prints its error
(FILE: CODE at PATH: MESSAGE) on stderr and exits with 1.

Flags:
  --event E        extract as document E (a document name or auto, the default).
                     heymilo extract --event webhook_list hooks.json
  --lenient        accept documents with absent documented fields (contract rule 10).
                     heymilo extract --lenient partial.json
  --max-bytes N    refuse inputs longer than N bytes (default 64M; K, M, G suffixes).
                     heymilo extract --max-bytes 300M huge-report.json
  --max-depth N    refuse nesting deeper than N (default 1024).
                     heymilo extract --max-depth 64 payload.json
  -h, --help       show this help.

Examples:
  heymilo extract tests/data/report_available.json > report.canonical.json
  heymilo generate --event webhook --count 3 | heymilo extract --event webhook_list -
)";

constexpr std::string_view kGenerate =
    R"(Usage: heymilo generate --event E [--size BYTES] [--count N] [--seed S] [--ndjson]

Writes deterministic, realistic, strict-valid documents built from the field tables: names,
e-mail addresses, multi-paragraph transcript text with quotes, newlines, non-ASCII and \u
escapes, HTML job descriptions. The same flags give the same bytes on every platform.
Documents are compact JSON; each output ends with a newline.

Flags:
  --event E        the document to generate (required): interview_started,
                   interview_completed, report_available, webhook_create_request, webhook,
                   webhook_list.
                     heymilo generate --event interview_started
  --size BYTES     grow a report_available to within 5% of BYTES by adding scorecard
                   questions and transcript entries (K, M, G suffixes are powers of 1024).
                   A strict report needs all its fields, about 4-5 KB; smaller sizes give
                   the smallest report. report_available only.
                     heymilo generate --event report_available --size 1M > report.json
  --count N        write N documents (default 1); document i uses seed S+i. Without
                   --ndjson they form one JSON array (for webhook, a valid webhook_list).
                     heymilo generate --event webhook --count 3
  --seed S         the seed of the first document (default 1).
                     heymilo generate --event report_available --seed 42
  --ndjson         one document per line (NDJSON), for `heymilo validate --ndjson`.
                     heymilo generate --event interview_completed --count 1000 --ndjson
  -h, --help       show this help.
)";
}  // namespace

std::string_view main_help() { return kMain; }

std::string_view command_help(std::string_view command) {
  if (command == "validate") return kValidate;
  if (command == "extract") return kExtract;
  if (command == "generate") return kGenerate;
  return {};
}

}  // namespace heymilo::cli
