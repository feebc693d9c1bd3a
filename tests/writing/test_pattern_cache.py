"""The compiled-pattern cache of `afterview check` (writing/pattern_cache.py): the
patterns it rebuilds are the ones `re` builds, and a bad file only costs time."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from afterview.writing import pattern_cache
from afterview.writing.checks import grammar

TEXT = "Thank you for you time. Its clear that the analysts uses dbt, more then ever.\n"


def _patterns() -> list[tuple[str, int]]:
    return [(r.source, int(re.IGNORECASE)) for r in grammar.RULES] + [
        (r"(?P<word>[A-Za-z]+)(?:['’](?P<tail>[a-z]+))?", 0),
        (r"(?im)^\s*(?:dear|hi)\b[^\n]*$", 0),
    ]


def test_rebuilt_patterns_are_the_ones_re_builds(tmp_path: Path) -> None:
    saver = pattern_cache.PatternCache(str(tmp_path))
    for source, flags in _patterns():
        re.compile(source, flags)
    assert saver.save()
    originals = {(s, f): re.compile(s, f) for s, f in _patterns()}
    re.purge()
    loader = pattern_cache.PatternCache(str(tmp_path))
    assert loader.load() >= len(originals)
    for (source, flags), original in originals.items():
        rebuilt = re.compile(source, flags)  # found in re's cache, seeded by load()
        assert rebuilt is not original
        assert (rebuilt.pattern, rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == (
            original.pattern, original.flags, original.groups, original.groupindex,
        )  # fmt: skip
        found = [(m.span(), m.groups()) for m in rebuilt.finditer(TEXT)]
        assert found == [(m.span(), m.groups()) for m in original.finditer(TEXT)]
    re.purge()


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\xe9\x00\x00\x00\x05"])
def test_a_bad_file_is_ignored(tmp_path: Path, content: bytes) -> None:
    Path(pattern_cache.path(str(tmp_path))).write_bytes(content)
    assert pattern_cache.PatternCache(str(tmp_path)).load() == 0
    assert re.compile(r"\bcould of\b").search("I could of asked")


def test_check_writes_it_once_and_reads_it_after(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(TEXT, encoding="utf-8")
    env = {**os.environ, "AFTERVIEW_HOME": str(tmp_path / "home"),
           "AFTERVIEW_CACHE": str(tmp_path / "cache")}  # fmt: skip
    command = [sys.executable, "-m", "afterview", "check", str(note), "--language", "en-GB"]
    outputs = []
    for _ in range(3):
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        assert done.returncode == 1, done.stderr  # "you time" is an error
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    cache = Path(pattern_cache.path(str(tmp_path / "cache")))
    assert cache.stat().st_size > 10_000
    assert not [p for p in cache.parent.iterdir() if p.name.startswith(".patterns-")]


def test_patterns_built_from_the_users_records_are_never_saved(tmp_path: Path) -> None:
    """The organisation's name and the skills become patterns (names.py, shape.py); the
    cache folder must not hold them."""
    from afterview.writing.checker import check_text
    from afterview.writing.context import CheckContext

    ctx = CheckContext(
        kind="thank-you", organisation="Brightwater Quantico Ltd", skills=("Zebraform",)
    )
    cache = pattern_cache.PatternCache(str(tmp_path))
    check_text("Dear Ann,\n\nThank you. Brightwater Quantico uses Zebraform.\n\nBest,\nSam\n", ctx)
    re.compile(r"\bstatic pattern\b")
    assert cache.save()
    data = Path(pattern_cache.path(str(tmp_path))).read_bytes()
    assert b"static pattern" in data
    assert b"Quantico" not in data and b"Zebraform" not in data
