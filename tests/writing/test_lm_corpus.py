"""The language-model corpus script (bench/lm_corpus.py), run on a tiny clone made here:
it keeps running prose from markdown, CNXML and notebooks, drops the markup around it,
reads files at the pinned commit only, and writes each paragraph once."""

from __future__ import annotations

import importlib
import json
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]

PAGE = """\ufeff---
title: A page
---
# Heading that is not prose at all

<!-- A comment that runs
over two lines and is never prose at all. -->

Select **Create** to make the new workspace for your team.

:::image type="content" source="a.png" alt-text="A picture that has a long description.":::

> [!NOTE]
> A note that the filter drops with the other quoted lines.

The PROTECTION\\_LEVEL value &amp; its default are set when the window opens.

See https://example.org/docs for the full list of settings here.

이 RFC는 중심 팀의 후임인 리더십 심의회를 설립합니다. 이 심의회는 팀에게 권한을 위임합니다.

Select **Create** to make the new workspace for your team.
"""

MODULE = """<document xmlns="http://cnx.rice.edu/cnxml">
<title>Correlation</title>
<metadata xmlns:md="http://cnx.rice.edu/mdml"><md:abstract><para id="a">By the end of
this section, you will be able to explain things.</para></md:abstract></metadata>
<content>
<para id="p1">A <term>correlation</term> means that there is a relationship between
two variables (<link target-id="fig1"/>).</para>
<figure id="fig1"><caption>A caption is not taken as a paragraph here at all.</caption></figure>
<para id="p2">The number <m:math xmlns:m="http://www.w3.org/1998/Math/MathML"><m:mi>r</m:mi>
</m:math> runs from minus one to one in every single case.</para>
<list id="l1"><item>Researchers collect data from many people at the same time.</item></list>
</content>
</document>
"""

NOTEBOOK = {
    "cells": [
        {"cell_type": "markdown", "source": ["This guide trains a small model ", "on text."]},
        {"cell_type": "code", "source": ["print('this code is never read as prose here')"]},
    ]
}


def _script(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    return importlib.import_module("lm_corpus")


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, check=True, text=True
    ).stdout.strip()


def _clone(tmp_path: Path) -> tuple[Path, str]:
    repo = tmp_path / "clones" / "someone+docs"
    repo.mkdir(parents=True)
    _git(repo, "init", "-q")
    (repo / "docs").mkdir()
    (repo / "modules" / "m1").mkdir(parents=True)
    (repo / "docs" / "page.md").write_text(PAGE, encoding="utf-8")
    (repo / "docs" / "guide.ipynb").write_text(json.dumps(NOTEBOOK), encoding="utf-8")
    (repo / "modules" / "m1" / "index.cnxml").write_text(MODULE, encoding="utf-8")
    (repo / "README.md").write_text("A readme that the file filter leaves out of it.\n")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "pin")
    commit = _git(repo, "rev-parse", "HEAD")
    # A later commit is not read: the sources are pinned.
    (repo / "docs" / "later.md").write_text("A page written after the pinned commit.\n")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "later")
    return repo.parent, commit


def test_markdown_loses_learn_markup_and_keeps_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    script = _script(monkeypatch)
    assert list(script.markdown(PAGE)) == [
        "Select Create to make the new workspace for your team.",
        "The PROTECTION_LEVEL value & its default are set when the window opens.",
        "Select Create to make the new workspace for your team.",
    ]


def test_cnxml_takes_paragraphs_and_items_without_maths(monkeypatch: pytest.MonkeyPatch) -> None:
    script = _script(monkeypatch)
    assert list(script.cnxml(MODULE)) == [
        "A correlation means that there is a relationship between two variables (Figure 1).",
        "Researchers collect data from many people at the same time.",
    ]
    assert list(script.cnxml("<not xml")) == []


def test_build_reads_the_pinned_commit_and_writes_each_paragraph_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _script(monkeypatch)
    clones, commit = _clone(tmp_path)
    wanted = ("docs/", "modules/")
    sources = {
        "someone+docs": (commit, "CC BY 4.0", lambda p: p.startswith(wanted)),
        "someone+absent": (commit, "MIT", lambda p: True),
    }
    monkeypatch.setattr(script, "SOURCES", sources)
    out = tmp_path / "corpus.txt"
    logged: list[str] = []
    counts = script.build(clones, out, log=logged.append)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert sorted(lines) == sorted(
        [
            "Select Create to make the new workspace for your team.",
            "The PROTECTION_LEVEL value & its default are set when the window opens.",
            "This guide trains a small model on text.",
            "A correlation means that there is a relationship between two variables (Figure 1).",
            "Researchers collect data from many people at the same time.",
        ]
    )
    assert counts == {"someone+docs": sum(len(line.split()) for line in lines)}
    assert any("someone+absent" in line and "missing" in line for line in logged)
    assert logged[-1].split()[0] == "total"
