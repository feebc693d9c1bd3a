"""The `afterview` console script.

Global options are read here by hand so that the read commands (`agenda`, `today`)
can skip Click entirely: their start-up time is a feature (see docs/benchmarks.md).
`check` takes the same short cut.
"""

from __future__ import annotations

import os
import sys

READ_COMMANDS = frozenset({"agenda", "today"})


def split_global(argv: list[str]) -> tuple[dict[str, str | bool | None], list[str]]:
    """Peel `--db URL`, `--demo`, `--debug` off the front of the arguments."""
    found: dict[str, str | bool | None] = {"db": None, "demo": False, "debug": False}
    rest = list(argv)
    while rest:
        head = rest[0]
        if head == "--db" and len(rest) > 1:
            found["db"] = rest[1]
            rest = rest[2:]
        elif head.startswith("--db="):
            found["db"] = head[len("--db=") :]
            rest = rest[1:]
        elif head in ("--demo", "--debug"):
            found[head[2:]] = True
            rest = rest[1:]
        else:
            break
    return found, rest


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    options, rest = split_global(args)
    if rest and rest[0] == "check":
        from afterview.cli.check_cmd import run as run_check

        db = options["db"] if isinstance(options["db"], str) else None
        return run_check(rest[1:], db, bool(options["demo"]))
    if rest and rest[0] in READ_COMMANDS:
        from afterview.cli.read import run

        if options["debug"]:
            os.environ["AFTERVIEW_DEBUG"] = "1"
        db = options["db"] if isinstance(options["db"], str) else None
        return run(rest[0], rest[1:], db, bool(options["demo"]))
    from afterview.cli.app import run_click

    return run_click(args)


def console() -> None:
    """The console script. A `check` ends with `os._exit` once its output is flushed:
    the interpreter's teardown (a last cyclic collection over the dictionary's and the
    models' tables, then every module) was ~5 % of the process and changes nothing on
    disk (docs/benchmarks.md, "Round 15")."""
    code = main()
    if sys.argv[1:] and "check" in split_global(sys.argv[1:])[1][:1]:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    console()
