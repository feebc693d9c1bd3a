"""The checker's records (writing/frozen.py) behave as the frozen dataclasses they replace."""

from __future__ import annotations

import copy
import pickle

import pytest

from afterview.writing.context import CheckContext, KnownPerson
from afterview.writing.findings import Finding, Severity


def _finding(**changes: object) -> Finding:
    base = Finding(3, 4, 1, 4, "grammar.its-its", Severity.WARNING, "Did you mean?", ("It's",))
    return base.replace(**changes) if changes else base


def test_equal_by_value_and_hashable() -> None:
    assert _finding() == _finding()
    assert _finding() != _finding(offset=5)
    assert len({_finding(), _finding(), _finding(rule="spelling")}) == 2
    assert CheckContext() == CheckContext(language="en-GB")
    assert KnownPerson("Ana") != CheckContext()  # another type is never equal


def test_frozen() -> None:
    finding = _finding()
    with pytest.raises(AttributeError, match="frozen Finding"):
        finding.offset = 9  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del finding.rule  # type: ignore[misc]


def test_replace_changes_only_what_it_names() -> None:
    ctx = CheckContext(language="en-US", people=(KnownPerson("Grace Liu", "hiring manager"),))
    more = ctx.replace(nuggets=("the churn model",))
    assert (more.nuggets, more.language, more.people) == (("the churn model",), "en-US", ctx.people)
    assert ctx.nuggets == ()
    with pytest.raises(TypeError, match="no field 'nugget'"):
        ctx.replace(nugget="x")


def test_copy_pickle_and_repr() -> None:
    finding = _finding()
    assert pickle.loads(pickle.dumps(finding)) == finding
    assert copy.deepcopy(finding) == finding
    assert repr(KnownPerson("Ana", "recruiter")) == "KnownPerson(name='Ana', role='recruiter')"
