"""Writes the list of common names the spelling check reads
(`writing/spelling/data/census-names.txt.gz`), from the US Census Bureau's 1990 name
files as packaged in the `names` distribution on PyPI (0.3.0, MIT; the data itself is
public domain, a work of the US Government).

    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    python bench/census_names.py names-0.3.0/names \
        src/afterview/writing/spelling/data/census-names.txt.gz

Kept: the 40,000 most frequent surnames and every first name, in lower case, of four
letters or more (shorter ones are too often a slip of a short word: "cha", "poe"); then,
after a line `# given`, the first names again: a surname after one of them is the rest of
a full name ("Jeff Skilling's"), which a surname before it ("Vanderbilt Universtiy") is not.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

SURNAMES = 40_000
SHORTEST = 4


GIVEN = (("dist.female.first", None), ("dist.male.first", None))


def names(folder: Path, files: tuple[tuple[str, int | None], ...]) -> list[str]:
    found: set[str] = set()
    for name, limit in files:
        lines = (folder / name).read_text(encoding="ascii").splitlines()
        for line in lines[:limit]:
            word = line.split()[0].lower()
            if len(word) >= SHORTEST and word.isalpha():
                found.add(word)
    return sorted(found)


def main() -> int:
    folder, out = Path(sys.argv[1]), Path(sys.argv[2])
    listed = names(folder, (("dist.all.last", SURNAMES), *GIVEN))
    given = names(folder, GIVEN)
    header = "# US Census Bureau 1990 name files (public domain); see bench/census_names.py\n"
    body = "\n".join(listed) + "\n# given\n" + "\n".join(given) + "\n"
    with gzip.GzipFile(out, "wb", mtime=0) as f:
        f.write((header + body).encode("ascii"))
    print(f"{len(listed)} names ({len(given)} given names) written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
