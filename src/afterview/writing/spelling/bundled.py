"""The word lists that ship inside Afterview, so the spelling check (P5) works after
`pip install afterview` on any machine: macOS, Windows, a slim container.

`data/scowl-60.txt.gz` holds SCOWL's lists at the sizes up to 60 (the size SCOWL
recommends for spell checking and Hunspell's en_US is built from), in sections:
the words both languages share, those of each language only, and each language's
"other variety" words (to say "color" is American in British English). It is
derived from SCOWL by `bench/spelling_bundle.py`; SCOWL's copyright and permission
notice is `data/SCOWL-LICENSE.txt`. About 0.5 MB compressed; it is read only when
the compiled dictionary is (re)built, never on an ordinary check.
"""

from __future__ import annotations

from pathlib import Path

MAGIC = "afterview-wordlists"
FORMAT = "1"
DATA_FILE = Path(__file__).resolve().parent / "data" / "scowl-60.txt.gz"
LICENCE_FILE = DATA_FILE.parent / "SCOWL-LICENSE.txt"


def available() -> bool:
    return DATA_FILE.is_file()


def sections(path: Path = DATA_FILE) -> dict[str, list[str]]:
    """Section name → its words ("common", "main:en-GB", "other:en-US", ...)."""
    import gzip

    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    lines = text.split("\n")
    header = lines[0].split("\t")
    if len(header) < 2 or header[0] != MAGIC or header[1] != FORMAT:
        raise ValueError(f"{path}: not an Afterview word-list bundle (format {FORMAT})")
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines[1:]:
        if line.startswith("[") and line.endswith("]"):
            current = found.setdefault(line[1:-1], [])
        elif line and current is not None:
            current.append(line)
    return found


def words(language: str, path: Path = DATA_FILE) -> tuple[set[str], set[str]]:
    """(the language's words, the other variety's words) from the bundle."""
    found = sections(path)
    main = set(found.get("common", ())) | set(found.get(f"main:{language}", ()))
    other = set(found.get(f"other:{language}", ()))
    return main, other
