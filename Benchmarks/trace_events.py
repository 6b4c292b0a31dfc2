"""Reads a TUI trace (PREFLIGHT_TRACE, see Sources/preflight/TUITrace.swift) for the
benchmarks: latencies measured inside the program, from a key (or message) to the frame drawn
after it."""

import json


class Trace:
    """The events of one trace file, in order."""

    def __init__(self, path):
        self.events = [json.loads(line) for line in open(path) if line.strip()]

    def after(self, index, predicate):
        """The index of the first event after `index` matching `predicate`, or None."""
        for i in range(index + 1, len(self.events)):
            if predicate(self.events[i]):
                return i
        return None

    def keys(self, prefix):
        """Indices of the key events whose key starts with `prefix` (`enter`, `pageDown`,
        `character`)."""
        return [i for i, e in enumerate(self.events)
                if e["event"] == "key" and e["key"].startswith(prefix)]

    def key_to_draw(self, index):
        """Milliseconds from the key at `index` to the next frame drawn."""
        drawn = self.after(index, lambda e: e["event"] == "draw")
        return None if drawn is None else (self.events[drawn]["ns"] - self.events[index]["ns"]) / 1e6

    def message(self, name):
        """Index of the first message event named `name`, or None."""
        return self.after(-1, lambda e: e["event"] == "message" and e["message"] == name)

    def peak_rss_kib(self):
        """The peak RSS the TUI wrote when it stopped, or None."""
        ends = [e for e in self.events if e["event"] == "exit"]
        return ends[-1]["peakRSSKiB"] if ends else None
