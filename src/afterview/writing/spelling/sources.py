"""Which installed word lists make a language's dictionary: nothing is downloaded (P5's
spelling check must work offline, on the candidate's machine).

In order of preference:

1. `AFTERVIEW_DICTIONARY`: one word list file (one word a line) the user chose.
2. SCOWL's lists (Debian/Ubuntu package `scowl`, /usr/share/dict/scowl): the sizes up
   to 60, which SCOWL recommends for spell checking and Hunspell's en_US dictionary
   is built from, so the coverage is like for like. en-US is `english` + `american`
   + `variant_1` (variants SCOWL calls "almost equal": cancelled, catalogue,
   chaperone; Hunspell's en_US flags them); en-GB is `english` +
   `british` (-ise) + `british_z` (Oxford -ize, British too) + `british_variant_1`
   (judgment, learned, inquire), so American-only spellings (color, center,
   traveling) stay out. The other variety's word lists (not its names) are read
   too, to recognise its spellings and say so ("“color” is the American spelling;
   British English writes “colour”").
3. The lists that ship with Afterview (`bundled.py`: the same SCOWL selection,
   derived once and stored as package data), so a machine without Debian's lists
   (macOS, Windows, a slim container) checks spelling all the same.
4. Only if the package data is missing (a damaged install): the `wbritish`/
   `wamerican` lists (/usr/share/dict/british-english or american-english), then
   /usr/share/dict/words.

`AFTERVIEW_DICT_DIR` replaces /usr/share/dict (an empty folder hides the system
lists: the tests check the bundled path that way).

Finding the files costs a directory listing and a few stats: it runs on every
check, to key the compiled cache (see compiled.py).
"""

from __future__ import annotations

import os

from afterview.errors import AfterviewError

DICT_DIR = "/usr/share/dict"
SCOWL_DIR = os.path.join(DICT_DIR, "scowl")
ENV = "AFTERVIEW_DICTIONARY"
DIR_ENV = "AFTERVIEW_DICT_DIR"
BUNDLED = "bundled"
SIZES = (10, 20, 35, 40, 50, 55, 60)  # SCOWL recommends 60 for spell checking
SUBCATEGORIES = ("words", "upper", "proper-names", "contractions", "abbreviations")
SPECIALS = ("special-hacker", "special-roman-numerals")
LANGUAGE_NAMES = {"en-GB": "British English", "en-US": "American English"}

# The spelling categories of each language (SCOWL's naming) and of its other variety.
SCOWL_MAIN = {
    "en-US": ("english", "american", "variant_1"),
    "en-GB": ("english", "british", "british_z", "british_variant_1"),
}
SCOWL_OTHER = {
    "en-US": ("british", "british_z", "british_variant_1"),
    "en-GB": ("american",),
}
PLAIN_MAIN = {"en-GB": "british-english", "en-US": "american-english"}
PLAIN_OTHER = {"en-GB": "american-english", "en-US": "british-english"}


class NoDictionary(AfterviewError):
    """No word list is installed for the language: say what to install."""

    exit_code = 3
    http_status = 503


class Source:
    """The files a language's dictionary is compiled from.

    `main` lists the language's words; `other` the other variety's (may be empty),
    used only to recognise its spellings. `kind` names the source for people.
    (A plain class: `dataclasses` costs ~10 ms to import on the check's light path.)
    """

    __slots__ = ("bundled", "kind", "language", "main", "other")

    def __init__(
        self,
        language: str,
        kind: str,
        main: tuple[str, ...],
        other: tuple[str, ...] = (),
        bundled: bool = False,
    ) -> None:
        self.language = language
        self.kind = kind
        self.main = main
        self.other = other
        self.bundled = bundled  # main[0] is the package's sectioned word-list file

    def stamp(self) -> str:
        """Path, size and mtime of every file: changes when a package is upgraded."""
        parts = [self.language, self.kind]
        for group, paths in (("main", self.main), ("other", self.other)):
            for path in paths:
                info = os.stat(path)
                parts.append(f"{group}:{path}:{info.st_size}:{info.st_mtime_ns}")
        return "\n".join(parts)


def check_language(language: str) -> str:
    if language not in LANGUAGE_NAMES:
        from afterview.errors import BadInput

        raise BadInput(f"Unknown language {language!r}: use en-GB or en-US.")
    return language


def locate(language: str, environ: dict[str, str] | None = None) -> Source:
    """The best source installed for `language`; NoDictionary when there is none."""
    check_language(language)
    env = os.environ if environ is None else environ
    explicit = env.get(ENV, "").strip()
    if explicit:
        if not os.path.isfile(explicit):
            raise NoDictionary(
                f"{ENV} is set to {explicit!r}, which is not a file. Point it at a word "
                "list (one word a line) or unset it to use the installed dictionaries."
            )
        return Source(language, f"file {explicit}", (os.path.abspath(explicit),))
    dict_dir = env.get(DIR_ENV, "").strip() or DICT_DIR
    scowl = _scowl(language, os.path.join(dict_dir, "scowl"))
    if scowl is not None:
        return scowl
    from afterview.writing.spelling import bundled

    if bundled.available():
        path = str(bundled.DATA_FILE)
        return Source(language, "SCOWL sizes up to 60, shipped with Afterview", (path,), (), True)
    main = os.path.join(dict_dir, PLAIN_MAIN[language])
    if os.path.isfile(main):
        other = os.path.join(dict_dir, PLAIN_OTHER[language])
        return Source(
            language, f"word list {main}", (main,), (other,) if os.path.isfile(other) else ()
        )
    words = os.path.join(dict_dir, "words")
    if os.path.isfile(words):
        return Source(language, f"word list {words}", (os.path.realpath(words),))
    package = "wbritish" if language == "en-GB" else "wamerican"
    raise NoDictionary(
        f"No {LANGUAGE_NAMES[language]} word list is installed, so spelling cannot be "
        f"checked and Afterview's own lists are missing (reinstall it). On Debian or "
        f"Ubuntu: `sudo apt-get install scowl` (or `{package}`); elsewhere set {ENV} to "
        "a word list file (one word a line)."
    )


def _scowl(language: str, scowl_dir: str = SCOWL_DIR) -> Source | None:
    try:
        names = set(os.listdir(scowl_dir))
    except OSError:
        return None
    if f"{SCOWL_MAIN[language][1]}-words.10" not in names or "english-words.10" not in names:
        return None
    main = _select(scowl_dir, names, (*SCOWL_MAIN[language],)) + tuple(
        os.path.join(scowl_dir, f"{special}.{size}")
        for special in SPECIALS
        for size in SIZES
        if f"{special}.{size}" in names
    )
    other = _select(scowl_dir, names, SCOWL_OTHER[language], ("words", "contractions"))
    return Source(language, f"SCOWL ({scowl_dir}, sizes up to 60)", main, other)


def _select(
    scowl_dir: str,
    names: set[str],
    categories: tuple[str, ...],
    subcategories: tuple[str, ...] = SUBCATEGORIES,
) -> tuple[str, ...]:
    return tuple(
        os.path.join(scowl_dir, name)
        for category in categories
        for sub in subcategories
        for size in SIZES
        if (name := f"{category}-{sub}.{size}") in names
    )
