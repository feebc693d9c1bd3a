"""Weights kept as sorted CRC-32 keys beside flat arrays, read straight from bytes.

Why: a model file parsed as text costs every `afterview check` process a few ms before
the first word is judged (the tagger's took ~5 ms to load and as much again to parse
rows on first use); arrays read with `frombytes` and looked up by bisection cost
nothing to load (`table` reads them in place from a memory-mapped file). Shared by the
tagger, the confusable-word model, the n-gram counts and the dropped-article model.
"""

from __future__ import annotations

import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Sequence

TYPE_CHECKING = False  # no `typing` at run time: every check process would import it
if TYPE_CHECKING:
    from typing import Literal


def key(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8"))


def find(keys: Sequence[int], feature: str) -> int:
    """The index of the feature's key, or -1 when the model never learnt it."""
    k = key(feature)
    at = bisect_left(keys, k)
    return at if at < len(keys) and keys[at] == k else -1


def little(values: array[int]) -> bytes:
    """The array's bytes, little-endian on every machine."""
    if sys.byteorder == "big":
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def read(typecode: str, data: bytes, at: int, count: int) -> tuple[array[int], int]:
    """`count` items of `typecode` from `data` at byte `at`, and the offset after them."""
    values = array(typecode)
    end = at + values.itemsize * count
    values.frombytes(data[at:end])
    if sys.byteorder == "big":
        values.byteswap()
    return values, end


def table(
    view: memoryview, at: int, typecode: Literal["I", "H", "i", "h"], n: int
) -> tuple[Sequence[int], int]:
    """`n` items of `typecode` at byte `at` of a (memory-mapped) file, read in place on a
    little-endian machine, so that loading costs nothing; and the offset after them."""
    size = array(typecode).itemsize * n
    raw = view[at : at + size]
    if sys.byteorder == "little":
        return raw.cast(typecode), at + size
    swapped = array(typecode)
    swapped.frombytes(raw)
    swapped.byteswap()
    return swapped, at + size
