"""A one-line progress bar on stderr: ``[#####-----] 120/3321 · 2 lỗi · 85 văn bản/giây``.

Shown only on a terminal (or when asked), redrawn at most ten times a second.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.done = 0
        self.failed = 0
        self._start = time.monotonic()
        self._last = 0.0

    def advance(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        if self.enabled and (now - self._last >= 0.1 or self.done == self.total):
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        filled = WIDTH * self.done // max(self.total, 1)
        rate = self.done / max(now - self._start, 1e-9)
        failed = f" · {self.failed} lỗi" if self.failed else ""
        line = f"\r[{'#' * filled}{'-' * (WIDTH - filled)}] {self.done}/{self.total}{failed} · {rate:.0f} văn bản/giây"
        self.stream.write(line)
        self.stream.flush()

    def clear(self) -> None:
        """Wipe the bar before other lines are printed to the same terminal; the next
        ``advance`` draws it again below them."""
        if self.enabled and self.done:
            self.stream.write("\r" + " " * (WIDTH + 40) + "\r")
            self.stream.flush()
            self._last = 0.0

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()
