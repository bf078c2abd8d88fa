"""Overlap reading and checking the next batches with writing the current one.

The reading thread parses, validates and encodes (Arrow kernels and the parser release the GIL);
the calling thread, which owns the database connection and its transaction, writes. A bounded queue
keeps at most ``depth`` batches in flight, so memory does not grow with the file.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Source = TypeVar("Source")
Result = TypeVar("Result")

_DONE = object()


class _Failure:
    def __init__(self, error: BaseException) -> None:
        self.error = error


def pipelined(
    source: Iterable[Source], work: Callable[[Source], Result], *, depth: int = 2
) -> Iterator[Result]:
    """``work(item)`` for each item of ``source``, computed ahead in a thread, yielded in order."""
    channel: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                channel.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in source:
                if not put(work(item)):
                    return
            put(_DONE)
        except BaseException as error:  # handed to the consumer, which re-raises it
            put(_Failure(error))

    thread = threading.Thread(target=produce, name="keepwell-import-reader", daemon=True)
    thread.start()
    try:
        while True:
            item = channel.get()
            if item is _DONE:
                return
            if isinstance(item, _Failure):
                raise item.error
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        while thread.is_alive():
            with contextlib.suppress(queue.Empty):
                channel.get(timeout=0.1)
        thread.join()
