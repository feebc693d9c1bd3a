"""Immutable value objects for the checker, without the `dataclasses` module.

Why: `afterview check` is a whole process whose time counts (at most 3x `hunspell -l`,
docs/benchmarks.md). Importing `dataclasses` imports `inspect` (and with it `ast`, `dis`
and `tokenize`), ~10 ms of CPU, and each dataclass generates its methods with `exec`,
~1 ms more. The checker's few public records (Finding, CheckContext, ...) get the same
behaviour from this base: fields are the `__slots__`, in order; instances are frozen,
compare and hash by value, print as dataclasses do and copy with `replace`
(`__slots__` may be listed in any order: fields are passed by name).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Self


class Frozen:
    __slots__ = ()

    def _set(self, **values: object) -> None:
        """Called once by `__init__`: the only way fields get their values."""
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def _names(self) -> tuple[str, ...]:
        return self.__slots__

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._names())

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of a frozen {type(self).__name__}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Frozen)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._names())
        return f"{type(self).__name__}({shown})"

    def __reduce__(self) -> tuple[Any, tuple[object, ...]]:
        return _rebuild, (type(self), {name: getattr(self, name) for name in self._names()})

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed (as `dataclasses.replace`)."""
        values: dict[str, Any] = {name: getattr(self, name) for name in self._names()}
        unknown = set(changes) - set(values)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        values.update(changes)
        return type(self)(**values)


def _rebuild(cls: type[Frozen], values: dict[str, Any]) -> Frozen:
    return cls(**values)
