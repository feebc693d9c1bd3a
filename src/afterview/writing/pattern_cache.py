"""The checker's compiled regular expressions, kept between `afterview check` processes.

Why: `afterview check FILE` is a whole process whose time counts (at most 3x `hunspell
-l`, docs/benchmarks.md), and compiling its ~90 patterns took ~19 ms of its ~100 ms of
CPU. Python keeps compiled patterns only in memory (`re._cache`). This module saves the
compiler's output for each pattern (the opcode list `re` hands to `_sre.compile`) in the
cache folder, and the next process builds the pattern objects from it and seeds `re`'s
own cache with them, so `re.compile` finds them there. Nothing else changes: the objects
are the ones `re` would build.

The file is keyed by the interpreter (its cache tag) and `_sre.MAGIC`, the version of
the opcode format, so another Python never reads it. If anything is off (another
implementation, a changed signature, a corrupt file) the patterns are compiled as
usual. Only the `check` command uses it; the web app is a long-lived process.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from contextlib import suppress

try:  # CPython's regular-expression engine and compiler (private, hence the care)
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # another implementation: no cache
    _sre = None

FORMAT = 1
# Patterns built from the user's records (an organisation's name, the profile's skills):
# compiled as usual but never written to the cache folder: the user's data stays in the
# data folder (local-first), not in a cache file beside it.
_PRIVATE: set[str] = set()
# Patterns a check can build from the user's records (names) would pile up run after run:
# past this many the file starts again from the patterns of the current process.
MAX_ENTRIES = 600
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def private(source: str) -> str:
    """Mark a pattern built from the user's data: it is never saved. Returns `source`."""
    _PRIVATE.add(source)
    return source


def path(directory: str) -> str:
    tag = sys.implementation.cache_tag or "none"
    magic = getattr(_sre, "MAGIC", 0)
    return os.path.join(directory, f"patterns-{tag}-{magic}-{FORMAT}.marshal")


class PatternCache:
    """Loaded once at the start of a `check`, saved (if it learnt a pattern) at the end."""

    def __init__(self, directory: str) -> None:
        self.file = path(directory)
        self.entries: dict[tuple[str, int], Entry] = {}

    def load(self) -> int:
        """Seed `re`'s cache with the saved patterns; how many were seeded."""
        if _sre is None or sys.implementation.name != "cpython":
            return 0
        try:
            with open(self.file, "rb") as fh:
                data = marshal.loads(fh.read())
            for (pattern, flags), entry in data.items():
                final, code, groups, groupindex, indexgroup = entry
                compiled = _sre.compile(pattern, final, code, groups, groupindex, indexgroup)
                re._cache[str, pattern, flags] = compiled  # type: ignore[attr-defined]
                self.entries[pattern, flags] = entry
        except Exception:  # no file, or one this Python cannot use: compile as usual
            return len(self.entries)
        return len(self.entries)

    def save(self) -> bool:
        """Add the patterns compiled in this process; write the file if there were any."""
        if _sre is None or sys.implementation.name != "cpython":
            return False
        new = False
        for kind, pattern, flags in list(re._cache):  # type: ignore[attr-defined]
            if kind is not str or (pattern, flags) in self.entries or int(flags) & re.DEBUG:
                continue
            if pattern in _PRIVATE:
                continue
            try:
                self.entries[pattern, int(flags)] = _entry(pattern, int(flags))
            except Exception:  # a pattern the helper cannot redo: compiled each time
                continue
            new = True
        if not new:
            return False
        if len(self.entries) > MAX_ENTRIES:
            current = {(p, int(f)) for kind, p, f in list(re._cache) if kind is str}  # type: ignore[attr-defined]
            self.entries = {k: v for k, v in self.entries.items() if k in current}
        try:
            data = marshal.dumps(self.entries)
        except ValueError:  # an object marshal cannot hold: keep compiling
            return False
        import tempfile  # only when writing: it imports shutil, which `check` never needs

        directory = os.path.dirname(self.file)
        with suppress(OSError):  # a cache that cannot be written only costs time
            os.makedirs(directory, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=directory, prefix=".patterns-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temporary, self.file)
            except BaseException:
                with suppress(OSError):
                    os.unlink(temporary)
                raise
            return True
        return False


def _entry(pattern: str, flags: int) -> Entry:
    """What `re._compiler.compile` hands to `_sre.compile` for this pattern."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # Plain ints only: the opcodes are an int subclass, which marshal cannot write.
    final = int(flags | parsed.state.flags)
    return final, [int(c) for c in code], parsed.state.groups - 1, groupindex, tuple(indexgroup)
