"""Reads the output of `strace -f -ttt -T -y -s N -o FILE`: one Call per system call, with its
start and end (wall-clock seconds, the clock the tests' own time.time() reads), joining the
"<unfinished ...>" and "<... resumed>" halves that threads interleave."""

import re
from dataclasses import dataclass

_LINE = re.compile(r"^(\d+)\s+(\d+\.\d+)\s+(.*)$")
_RESUMED = re.compile(r"^<\.\.\. (\w+) resumed>(.*)$")
_CALL = re.compile(r"^(\w+)\((.*)$")
_DURATION = re.compile(r"<(\d+\.\d+)>\s*$")


@dataclass
class Call:
    pid: int
    name: str
    start: float
    end: float
    text: str  # arguments and result as strace printed them

    def fd_path(self) -> str:
        """The path strace -y shows for the first argument (a file descriptor)."""
        match = re.match(r"\d+<([^>]*)>", self.text)
        return match.group(1) if match else ""


def read_calls(path) -> list:
    calls, pending = [], {}
    with open(path, errors="replace") as log:
        for line in log:
            match = _LINE.match(line.rstrip("\n"))
            if not match:
                continue
            pid, time, rest = int(match.group(1)), float(match.group(2)), match.group(3)
            resumed = _RESUMED.match(rest)
            if resumed:
                if pid not in pending:
                    continue
                name, start, text = pending.pop(pid)
                text += resumed.group(2)
            else:
                call = _CALL.match(rest)
                if not call:
                    continue  # signals, exits
                name, start, text = call.group(1), time, call.group(2)
                if text.endswith("<unfinished ...>"):
                    pending[pid] = (name, start, text[: -len("<unfinished ...>")])
                    continue
            duration = _DURATION.search(text)
            calls.append(Call(pid, name, start, start + float(duration.group(1)) if duration else time,
                              text))
    return sorted(calls, key=lambda call: call.start)
