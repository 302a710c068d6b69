"""A reader of the Prometheus text format (version 0.0.4) that GET /metrics serves, strict
enough to fail on a malformed line, and the metric names receiver/README.md documents."""

import re

REQUESTS = "heymilo_receiver_requests_total"              # {event, outcome}
ERRORS = "heymilo_receiver_payload_errors_total"           # {code}
DUPLICATES = "heymilo_receiver_duplicates_total"
DUPLICATES_DIFFERING = "heymilo_receiver_duplicates_differing_total"
HANDLER_RUNS = "heymilo_receiver_handler_runs_total"
HANDLER_FAILURES = "heymilo_receiver_handler_failures_total"
UNKNOWN_FIELDS = "heymilo_receiver_unknown_fields_total"    # {path}, with --drift
LATENCY = "heymilo_receiver_request_duration_seconds"     # histogram

_SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? ([-+0-9.eEInfa]+|NaN)$')
_LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)')


class Metrics:
    def __init__(self, text: str):
        self.types = {}      # family -> counter / histogram / gauge ...
        self.samples = []    # (name, {label: value}, float)
        for line in text.splitlines():
            if not line:
                continue
            if line.startswith("# TYPE "):
                _, _, family, kind = line.split(" ", 3)
                self.types[family] = kind
                continue
            if line.startswith("#"):
                continue
            match = _SAMPLE.match(line)
            assert match, f"not a Prometheus sample line: {line!r}"
            name, labels, value = match.groups()
            parsed = dict(_LABEL.findall(labels or ""))
            self.samples.append((name, parsed, float(value)))

    def value(self, name: str, **labels) -> float:
        """The sum of the samples of `name` whose labels include `labels` (0 when none)."""
        return sum(value for sample, have, value in self.samples
                   if sample == name and all(have.get(k) == v for k, v in labels.items()))

    def has(self, name: str) -> bool:
        return any(sample == name for sample, _, _ in self.samples)
