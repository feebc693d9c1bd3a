"""Regenerate the word lists Afterview ships (src/afterview/writing/spelling/data/).

    .venv/bin/python bench/spelling_bundle.py    # needs Debian's `scowl` package

It reads SCOWL from /usr/share/dict/scowl, exactly as `spelling/sources.py` selects it
(sizes up to 60), and writes one gzip file of sections: the words both languages
share, those of each language only, and each language's "other variety" words (kept
to recognise "color" in British English). The SCOWL copyright and permission notice
travel with it (SCOWL-LICENSE.txt). Run it when the Debian package is upgraded.
"""

from __future__ import annotations

import gzip
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from afterview.writing.spelling import bundled, sources  # noqa: E402
from afterview.writing.spelling.compiled import read_words, sort_key  # noqa: E402

COPYRIGHT = Path("/usr/share/doc/scowl/copyright")


def main() -> int:
    scowl = {language: sources._scowl(language) for language in sources.LANGUAGE_NAMES}
    if any(source is None for source in scowl.values()):
        print("Debian's scowl package is not installed (/usr/share/dict/scowl).")
        return 1
    main_words = {lang: read_words(src.main) for lang, src in scowl.items() if src}
    other_words = {
        lang: read_words(src.other) - main_words[lang] for lang, src in scowl.items() if src
    }
    common = main_words["en-GB"] & main_words["en-US"]
    sections = {
        "common": common,
        "main:en-GB": main_words["en-GB"] - common,
        "main:en-US": main_words["en-US"] - common,
        "other:en-GB": other_words["en-GB"],
        "other:en-US": other_words["en-US"],
    }
    lines = [f"{bundled.MAGIC}\t{bundled.FORMAT}\tSCOWL sizes up to 60 (see SCOWL-LICENSE.txt)"]
    for name, words in sections.items():
        lines.append(f"[{name}]")
        lines.extend(sorted(words, key=sort_key))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    target = bundled.DATA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    if COPYRIGHT.is_file():
        shutil.copyfile(COPYRIGHT, target.parent / "SCOWL-LICENSE.txt")
    counts = ", ".join(f"{name} {len(words):,}" for name, words in sections.items())
    print(f"{target}: {target.stat().st_size:,} bytes ({counts})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
