"""Where the dictionary comes from and how its compiled cache is kept fresh."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from afterview.errors import AfterviewError
from afterview.writing.spelling import NoDictionary, Speller, bundled, needs_build, sources
from afterview.writing.spelling.compiled import cache_path, ensure
from afterview.writing.spelling.sources import DIR_ENV, ENV, Source, locate


def word_list(path: Path, words: list[str], mtime_ns: int | None = None) -> Path:
    path.write_text("\n".join(words) + "\n", encoding="utf-8")
    if mtime_ns is not None:
        os.utime(path, ns=(mtime_ns, mtime_ns))
    return path


def cached_files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith("spelling-"))


def test_scowl_is_the_source_when_installed() -> None:
    gb, us = locate("en-GB", {}), locate("en-US", {})
    assert gb.kind.startswith("SCOWL") and us.kind.startswith("SCOWL")
    names = {os.path.basename(p) for p in gb.main}
    assert {"english-words.60", "british-words.60", "british_z-words.60"} <= names
    assert not any(name.endswith((".70", ".80", ".95")) for name in names)
    assert not any("american" in name for name in names)
    assert any("american-words" in p for p in gb.other)
    assert not any("british" in os.path.basename(p) for p in us.main)


def test_a_word_list_named_in_the_environment_wins(tmp_path: Path) -> None:
    path = word_list(tmp_path / "mine.txt", ["hello"])
    source = locate("en-GB", {ENV: str(path)})
    assert source.main == (str(path),)
    assert source.other == ()


def test_a_missing_environment_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NoDictionary, match="not a file"):
        locate("en-GB", {ENV: str(tmp_path / "nope.txt")})


def test_no_word_list_at_all_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only when the package's own lists are missing too (a damaged install)."""
    monkeypatch.setattr(sources, "DICT_DIR", str(tmp_path))
    monkeypatch.setattr(bundled, "DATA_FILE", tmp_path / "missing.txt.gz")
    with pytest.raises(NoDictionary) as caught:
        locate("en-GB", {})
    assert isinstance(caught.value, AfterviewError)
    assert "apt-get install scowl" in caught.value.message
    assert "wbritish" in caught.value.message
    assert ENV in caught.value.message
    with pytest.raises(NoDictionary, match="wamerican"):
        locate("en-US", {})


def test_without_scowl_the_plain_lists_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only when the package's own lists are missing too (a damaged install)."""
    monkeypatch.setattr(sources, "DICT_DIR", str(tmp_path))
    monkeypatch.setattr(bundled, "DATA_FILE", tmp_path / "missing.txt.gz")
    word_list(tmp_path / "words", ["hello"])
    assert locate("en-GB", {}).main == (str(tmp_path / "words"),)
    word_list(tmp_path / "british-english", ["colour"])
    word_list(tmp_path / "american-english", ["color"])
    source = locate("en-GB", {})
    assert source.main == (str(tmp_path / "british-english"),)
    assert source.other == (str(tmp_path / "american-english"),)


def test_without_system_lists_the_bundled_ones_are_used(tmp_path: Path) -> None:
    source = locate("en-GB", {DIR_ENV: str(tmp_path)})
    assert source.bundled and source.main == (str(bundled.DATA_FILE),)
    assert "shipped with Afterview" in source.kind


def test_the_bundle_is_small_licensed_and_matches_scowl() -> None:
    """Package data: compressed, a few hundred kB, with SCOWL's notice beside it."""
    assert bundled.DATA_FILE.stat().st_size < 2_000_000
    notice = bundled.LICENCE_FILE.read_text(encoding="utf-8")
    assert "Kevin Atkinson" in notice and "Permission to use, copy, modify" in notice
    for language in ("en-GB", "en-US"):
        main, other = bundled.words(language)
        system = locate(language, {})
        if system.bundled:  # no Debian lists here: nothing to compare with
            continue
        from afterview.writing.spelling.compiled import read_words

        assert main == read_words(system.main)
        assert other == read_words(system.other) - main


def test_the_bundled_dictionary_spells_both_languages(tmp_path: Path) -> None:
    for language, ours, theirs in (("en-GB", "colour", "color"), ("en-US", "color", "colour")):
        source = locate(language, {DIR_ENV: str(tmp_path)})
        speller = Speller(ensure(source, str(tmp_path / "cache")))
        assert speller.known(ours) and speller.known("interview") and speller.known("London")
        assert not speller.known(theirs) and not speller.known("recieve")
        assert speller.other_variety(theirs) is not None
        assert speller.suggest("recieve")[0] == "receive"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(AfterviewError, match="en-GB or en-US"):
        locate("fr-FR", {})


def test_the_cache_is_built_once_and_rebuilt_when_the_source_changes(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    path = word_list(tmp_path / "list.txt", ["apple", "banana"], mtime_ns=1_000_000_000)
    source = Source("en-GB", "test", (str(path),))
    speller = Speller(ensure(source, str(cache)))
    assert speller.known("banana") and not speller.known("cherry")
    first = cached_files(cache)
    assert len(first) == 1
    built = (cache / first[0]).stat().st_mtime_ns

    again = Speller(ensure(source, str(cache)))  # read, not rebuilt
    assert again.known("banana")
    assert (cache / first[0]).stat().st_mtime_ns == built

    word_list(path, ["apple", "cherry"], mtime_ns=2_000_000_000)
    fresh = Speller(ensure(source, str(cache)))
    assert fresh.known("cherry") and not fresh.known("banana")
    assert len(cached_files(cache)) == 1  # the stale file is gone
    assert cached_files(cache) != first


def test_a_corrupt_cache_file_is_rebuilt(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    path = word_list(tmp_path / "list.txt", ["apple", "banana"])
    source = Source("en-GB", "test", (str(path),))
    ensure(source, str(cache))
    target = cache_path(source, str(cache))
    Path(target).write_text("afterview-spelling\t1\ten-GB\tx\t99\t", encoding="utf-8")
    assert Speller(ensure(source, str(cache))).known("apple")


def test_sources_of_another_kind_keep_their_own_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    one = Source("en-GB", "one", (str(word_list(tmp_path / "one.txt", ["apple"])),))
    two = Source("en-GB", "two", (str(word_list(tmp_path / "two.txt", ["pear"])),))
    ensure(one, str(cache))
    ensure(two, str(cache))
    assert len(cached_files(cache)) == 2


def test_word_list_files_are_read_tolerantly(tmp_path: Path) -> None:
    path = tmp_path / "list.dic"
    path.write_bytes(b"3\n# comment\ncaf\xe9\nnaive/SM\n")  # Latin-1, Hunspell flags
    speller = Speller(ensure(Source("en-GB", "test", (str(path),)), str(tmp_path / "c")))
    assert speller.known("café") and speller.known("naive")
    assert not speller.known("3") and not speller.known("# comment")


def test_needs_build_tells_the_cli_to_announce_the_first_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AFTERVIEW_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv(ENV, str(word_list(tmp_path / "list.txt", ["apple"])))
    assert needs_build("en-GB") is True
    ensure(locate("en-GB"), str(tmp_path / "cache"))
    assert needs_build("en-GB") is False


def test_suggestions_come_from_the_compiled_dictionary(tmp_path: Path) -> None:
    path = word_list(tmp_path / "list.txt", ["receive", "relieve", "London", "don't", "a", "lot"])
    speller = Speller(ensure(Source("en-GB", "test", (str(path),)), str(tmp_path / "c")))
    assert speller.suggest("recieve")[:2] == ["receive", "relieve"]
    assert speller.suggest("london") == ["London"]
    assert speller.suggest("dont")[0] == "don't"


def test_an_unwritable_cache_folder_still_checks(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    path = word_list(tmp_path / "list.txt", ["apple"])
    compiled = ensure(Source("en-GB", "test", (str(path),)), str(blocker / "cache"))
    assert Speller(compiled).known("apple")
