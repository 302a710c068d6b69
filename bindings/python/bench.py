"""Times the module against Python's own ways, on the same bytes in the same run: validate
against json.loads + jsonschema (Debian's, Draft 2020-12, on schemas/) and against json.loads
alone; parse against json.loads. The cases take turns (rounds) and the best round per case is
kept, which a machine shared with other work moves least.

    python bench.py [--rounds N] [--seconds S] [--report FILE] [--started FILE]
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import jsonschema

# The installed module, not the source folder beside this script (which lacks the extension).
HERE = Path(__file__).resolve().parent
sys.path = [entry for entry in sys.path if Path(entry or ".").resolve() != HERE]
import heymilo  # noqa: E402

REPOSITORY = Path(__file__).resolve().parents[2]


def generated_report() -> bytes:
    cli = os.environ.get("HEYMILO_CLI", REPOSITORY / "build" / "tools" / "heymilo")
    return subprocess.run([str(cli), "generate", "--event", "report_available", "--size", "15K",
                           "--seed", "1"], check=True, capture_output=True).stdout


def schema_validator(event: str):
    schema = json.loads((REPOSITORY / "schemas" / f"{event}.schema.json").read_text())
    cls = jsonschema.validators.validator_for(schema)
    assert cls is jsonschema.Draft202012Validator
    return cls(schema)


def measure(cases, rounds, seconds):
    """Calls per second of each case, best of `rounds`, the cases taking turns."""
    best = {name: 0.0 for name, _ in cases}
    for _ in range(rounds):
        for name, run in cases:
            calls = 0
            start = time.perf_counter()
            end = start + seconds
            now = start
            while now < end:
                for _ in range(8):
                    run()
                calls += 8
                now = time.perf_counter()
            best[name] = max(best[name], calls / (now - start))
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--seconds", type=float, default=0.2)
    parser.add_argument("--report", type=Path)
    parser.add_argument("--started", type=Path, default=REPOSITORY / "tests/data/interview_started.json")
    args = parser.parse_args()
    payloads = [("report_available (15 KB)", "report_available",
                 args.report.read_bytes() if args.report else generated_report()),
                ("interview_started", "interview_started", args.started.read_bytes())]
    for title, event, body in payloads:
        validator = schema_validator(event)
        # Each case is checked once before it is timed.
        assert heymilo.validate(body).valid and validator.is_valid(json.loads(body))
        cases = [
            ("heymilo.validate", lambda: heymilo.validate(body)),
            ("json.loads + jsonschema", lambda: validator.is_valid(json.loads(body))),
            ("json.loads", lambda: json.loads(body)),
            ("heymilo.parse", lambda: heymilo.parse(body)),
        ]
        rate = measure(cases, args.rounds, args.seconds)
        print(f"{title}, {len(body)} bytes (best of {args.rounds} rounds of {args.seconds} s)")
        for name, _ in cases:
            print(f"  {name:24} {1e6 / rate[name]:10.2f} us")
        print(f"  validate vs json.loads + jsonschema: {rate['heymilo.validate'] / rate['json.loads + jsonschema']:.0f}x faster")
        print(f"  validate vs json.loads: {rate['heymilo.validate'] / rate['json.loads']:.1f}x faster")
        print(f"  parse / json.loads time: {rate['json.loads'] / rate['heymilo.parse']:.2f}")


if __name__ == "__main__":
    main()
