"""Worker processes shared by the commands that spread files over CPU cores (``batch``
renders, ``check`` of a folder)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext


def pool_context() -> BaseContext:
    """``fork`` where it is safe (POSIX, one thread): workers start in milliseconds with
    everything imported. Elsewhere ``spawn``."""
    import multiprocessing  # only when a pool is made: checking one file needs none

    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def chunk_size(jobs: int, workers: int, most: int = 16) -> int:
    """Jobs sent to a worker at a time: large enough to amortize the round trip, small
    enough that every worker gets a share and progress moves."""
    return max(1, min(most, jobs // (workers * 8)))
