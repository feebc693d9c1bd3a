"""Writes the plain-prose corpus the confusable-word model learns from (one paragraph a
line, duplicates dropped), from clones of the public repositories below at the commits
the shipped model was built from.

    python bench/confusables_corpus.py CLONES_DIR OUT.txt
    python -m afterview.writing.checks.confusables_train OUT.txt

CLONES_DIR holds one clone (bare or not) per repository, named `owner+name`. Only
paragraphs of running prose are kept: front matter, code, tables, headings, HTML and
link targets are dropped, and a paragraph must have six words or more, mostly words,
and end as a sentence does. The texts are not part of Afterview; the model holds only
weights derived from them (licences in docs/writing.md, "Where the models come from").
None of the sources is a text the checker is measured on.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

TRANSLATED = re.compile(r"\.(de|es|fr|nl|pt|ja|zh|it|ko|tr|ar)\.md$")


def _under(folder: str, ext: str = ".md") -> Callable[[str], bool]:
    return lambda p: p.startswith(folder) and p.endswith(ext)


# repository -> (commit, licence, which files)
SOURCES: dict[str, tuple[str, str, Callable[[str], bool]]] = {
    "rust-lang+book": (
        "917544888a55e4da7109bdba8c88c893c0da70f4",
        "MIT / Apache-2.0",
        _under("src/"),
    ),
    "rust-lang+reference": (
        "3b38834b39f732c64686f7c64aa29dcf3cd83ba5",
        "MIT / Apache-2.0",
        _under("src/"),
    ),
    "rust-lang+rust-by-example": (
        "898f0ac1479223d332309e0fce88d44b39927d28",
        "MIT / Apache-2.0",
        _under("src/"),
    ),
    "rust-lang+rfcs": (
        "354518a8c9025f40be6f730452c1bfe71a12dc22",
        "MIT / Apache-2.0",
        _under("text/"),
    ),
    "reactjs+react.dev": (
        "12d692da47e77cdc558b928fcfbaf4e71c6d0cec",
        "CC BY 4.0",
        _under("src/content/"),
    ),
    "vuejs+docs": ("01e098a967951ea92d09b100b8e7d82c7a3369a2", "CC BY 4.0", _under("src/")),
    "github+opensource.guide": (
        "ebc9678e39b55ff5e5c8801d1960904692188e90",
        "CC BY 4.0",
        lambda p: p.startswith("_articles/") and p.count("/") == 1 and p.endswith(".md"),
    ),
    "alan-turing-institute+the-turing-way": (
        "318e1b3dafe626eff60d7b20ff83a2d43fad05b0",
        "CC BY 4.0",
        lambda p: p.startswith("book/website/") and p.endswith(".md") and not TRANSLATED.search(p),
    ),
    "kubernetes+community": ("24e7d8f5409c1a0121394a613746e524f781e044", "Apache-2.0", _under("")),
    "kubernetes+enhancements": (
        "64765b4b02389318f2113119dd9e491479f978a0",
        "Apache-2.0",
        _under("keps/"),
    ),
    "golang+proposal": (
        "f6e2e6b7f89c932d16aaa20b2aabddd599e5b468",
        "BSD-3-Clause",
        _under("design/"),
    ),
    "python+peps": (
        "ba4deeb7969588d937da609008d05bb83a47b1ab",
        "public domain / CC0-1.0",
        _under("peps/", ".rst"),
    ),
    "jekyll+jekyll": ("202df571314ba1d18e9fccd81d12aaad4a703c38", "MIT", _under("docs/")),
}


def files(clone: Path, commit: str, wanted: Callable[[str], bool]) -> Iterator[tuple[str, str]]:
    def git(*args: str) -> bytes:
        return subprocess.run(
            ["git", "-C", str(clone), *args], capture_output=True, check=True
        ).stdout

    for name in git("ls-tree", "-r", "--name-only", commit).decode().splitlines():
        if wanted(name):
            yield name, git("show", f"{commit}:{name}").decode("utf-8", "replace")


def _blocks(text: str, rst: bool) -> list[str]:
    """Paragraphs and list items of a markdown or reStructuredText page, markup still in."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    out: list[str] = []
    para: list[str] = []
    fence = False

    def close() -> None:
        if para:
            out.append(" ".join(para))
            para.clear()

    for line in text.split("\n"):
        s = line.rstrip()
        if re.match(r"^\s*(```|~~~)", s):
            fence = not fence
            close()
            continue
        if fence:
            continue
        literal = s.startswith(("    ", "\t"))
        if rst and (literal or s.startswith("..") or re.match(r"^[=\-~^*#+]{3,}$", s.strip())):
            close()
            continue
        starts = s.lstrip().startswith(("#", "|", "<", "{", ">", "import ", "export "))
        if not s.strip() or starts or (not rst and literal):
            close()
            continue
        item = re.sub(r"^\s*([-*+]|\d+\.)\s+", "", s)
        if item != s:
            close()
        para.append(item.strip())
    close()
    return out


def prose(text: str, rst: bool) -> Iterator[str]:
    for block in _blocks(text, rst):
        p = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", block)
        p = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", p)
        p = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", p)
        code = r"``[^`]*``|:\w+:`[^`]*`|`[^`]*`_*" if rst else r"`[^`]*`"
        p = re.sub(code, " CODE ", p)
        p = re.sub(r"<[^>]+>", " ", p)
        p = re.sub(r"\*\*|__|\*", "", p)
        p = re.sub(r"\s+", " ", p).strip()
        words = p.split()
        wordy = sum(w.isalpha() for w in words) > 0.6 * len(words)
        if len(words) >= 6 and re.search(r"[.?!:]$", p) and wordy:
            yield p


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    clones, out = Path(argv[0]), Path(argv[1])
    seen: set[str] = set()
    with out.open("w", encoding="utf-8") as fh:
        for repo, (commit, licence, wanted) in SOURCES.items():
            words = 0
            for name, text in files(clones / repo, commit, wanted):
                for p in prose(text, name.endswith(".rst")):
                    if p not in seen:
                        seen.add(p)
                        fh.write(p + "\n")
                        words += len(p.split())
            print(f"{repo:40} {licence:24} {words:9,} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
