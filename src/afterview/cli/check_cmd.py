"""`afterview check [FILE|-]`: check an email before it goes out (P5), on a light path.

Like the agenda, this command is timed (docs/benchmarks.md): it reads the names
the database knows with the stdlib sqlite3 module and skips Click, SQLAlchemy
and Rich. PostgreSQL, or a SQLite file whose schema is behind, goes through the
service layer instead. Exit status: 0 no error-level finding, 1 some, 2 bad input.
"""

from __future__ import annotations

import os
import sys

from afterview import paths
from afterview.errors import AfterviewError, BadInput, UnknownInterview, UnknownOpportunity

# argparse (with gettext) and text_safety compile regular expressions as they are
# imported: they are imported after the pattern cache is loaded, so those come from it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from typing import Any

    from afterview.writing.context import CheckContext

KINDS = ("thank-you", "follow-up", "withdrawal", "accept", "decline", "other")
MAX_BYTES = 400_000  # MAX_CHARS characters of UTF-8 need at most 4 bytes each; files are rarely so

HELP = """\
  Check an email (or any text) for what matters before sending it (P5): spelling
  (British or American English, as your profile says), names of the people and the
  organisation as recorded, grammar slips, negative wording, leftover placeholders,
  length, and for a thank-you its three parts.

  FILE is the text to check ('-' or nothing: standard input).
  Exit status: 0 no errors, 1 errors found, 2 bad input.

  Examples:
    afterview check thank-you.txt --interview 3
    pbpaste | afterview check - --opp 2 --kind follow-up
    afterview check email.txt --json
"""


def _id(not_found: Callable[[int], Exception]) -> Callable[[str], int]:
    """An argparse type for a record id: outside 1..2^31-1 it names nothing (validation)."""

    def convert(text: str) -> int:
        from afterview.validation import record_id

        return record_id(int(text), not_found)

    convert.__name__ = "integer"
    return convert


def parser() -> argparse.ArgumentParser:
    import argparse

    from afterview.cli.light_args import LightParser

    p = LightParser("afterview check", HELP, " [FILE]")
    p.add_argument("file", nargs="?", default="-", help=argparse.SUPPRESS)
    p.add_argument(
        "--opp", type=_id(UnknownOpportunity), metavar="ID", help="The opportunity it is about."
    )
    p.add_argument(
        "--interview", type=_id(UnknownInterview), metavar="ID", help="The interview it follows."
    )
    p.add_argument(
        "--kind", choices=KINDS, help="What it is (default: thank-you with --interview)."
    )
    p.add_argument("--language", metavar="LANG", help="en-GB or en-US (default: your profile).")
    p.add_argument("--json", action="store_true", help="Machine-readable output.")
    p.add_argument("--db", help=argparse.SUPPRESS)
    p.add_argument("--demo", action="store_true", help=argparse.SUPPRESS)
    return p.with_help()


def run(argv: list[str], db: str | None, demo: bool) -> int:
    import gc

    # One letter, one process: reference counting frees what a check makes, and the
    # cyclic collector's passes over the dictionary's and the models' large tables
    # cost ~6 % of the process (callgrind, docs/benchmarks.md "Round 15").
    gc.disable()
    try:
        return _run_reporting(argv, db, demo)
    finally:
        gc.enable()


def _run_reporting(argv: list[str], db: str | None, demo: bool) -> int:
    from afterview.writing.pattern_cache import PatternCache

    patterns = PatternCache(paths.cache_dir())
    patterns.load()  # before any module compiles a pattern (docs/benchmarks.md)
    try:
        args = parser().parse_args(argv)
        code = _run(args, args.db or db, args.demo or demo)
        patterns.save()  # after the output: only a run that met a new pattern writes
        return code
    except AfterviewError as exc:
        from afterview.text_safety import clean_text

        sys.stderr.write(f"afterview: {clean_text(exc.message)}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted.\n")
        return 130
    except Exception as exc:
        if os.environ.get("AFTERVIEW_DEBUG"):
            raise
        from afterview.cli.read import unexpected

        sys.stderr.write(unexpected(exc) + "\n")
        return 70


def _run(args: argparse.Namespace, db: str | None, demo: bool) -> int:
    from afterview.writing.checker import check_text

    language = None
    if args.language:
        from afterview.writing.context import parse_language

        language = parse_language(args.language)
    text = read_text(args.file)
    kind = args.kind or ("thank-you" if args.interview is not None else None)
    if kind == "other":
        kind = None
    ctx = context(db, demo, args.opp, args.interview, kind, language)
    _announce_dictionary(ctx.language)
    report = check_text(text, ctx)
    if args.json:
        import json

        plain = {"file": args.file, "language": ctx.language, **report.to_plain()}
        sys.stdout.write(json.dumps(plain, ensure_ascii=False, indent=2) + "\n")
    else:
        from afterview.cli.findings_view import render

        name = "<stdin>" if args.file == "-" else args.file
        from afterview.text_safety import clean_text

        sys.stdout.write(clean_text(render(report, name), multiline=True) + "\n")
    return 1 if report.errors else 0


def read_text(name: str) -> str:
    """The file's text, or a specific reason it cannot be checked."""
    shown = "standard input" if name == "-" else name
    try:
        if name == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(name, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise BadInput(f"No such file: {name}") from None
    except IsADirectoryError:
        raise BadInput(f"{name} is a folder, not a text file.") from None
    except OSError as exc:
        raise BadInput(f"Cannot read {shown}: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise BadInput(
            f"{shown} is over {MAX_BYTES // 1000} kB; the checker takes one email "
            "(up to 100,000 characters)."
        )
    if b"\x00" in data:
        raise BadInput(f"{shown} looks binary (it contains NUL bytes); give a text file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"{shown} is not UTF-8 text (byte {exc.start} cannot be read); save it as UTF-8."
        ) from None


def context(
    db: str | None,
    demo: bool,
    opp_id: int | None,
    interview_id: int | None,
    kind: str | None,
    language: str | None,
) -> CheckContext:
    from afterview.check_context import UnknownRecord, gather

    url = paths.resolve_db(db, demo=demo)
    path = paths.sqlite_path(url)
    limit = _word_limit()
    if path is not None and not os.path.exists(path):
        if opp_id is not None:
            raise UnknownOpportunity(opp_id)
        if interview_id is not None:
            raise UnknownInterview(interview_id)
        return gather(_nothing, kind=kind, language=language, word_limit=limit)
    if path is not None:
        import sqlite3

        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        except sqlite3.Error:
            conn = None
        if conn is not None:
            try:

                def run(sql: str, params: dict[str, Any]) -> Sequence[Sequence[Any]]:
                    return conn.execute(sql, params).fetchall()

                return gather(
                    run,
                    opp_id=opp_id,
                    interview_id=interview_id,
                    kind=kind,
                    language=language,
                    word_limit=limit,
                )
            except UnknownRecord as exc:
                if exc.what == "interview":
                    raise UnknownInterview(exc.record_id) from None
                raise UnknownOpportunity(exc.record_id) from None
            except sqlite3.Error:
                pass  # schema behind or locked: the service layer migrates and waits
            finally:
                conn.close()
    return _service_context(url, opp_id, interview_id, kind, language, limit)


def _service_context(
    url: str,
    opp_id: int | None,
    interview_id: int | None,
    kind: str | None,
    language: str | None,
    limit: int,
) -> CheckContext:
    from datetime import UTC, datetime

    from afterview import config
    from afterview.services.app import App
    from afterview.services.checking import context_from

    app = App(url=url, config=config.load())
    try:
        with app.transaction(datetime.now(UTC)) as repo:
            return context_from(
                repo,
                opp_id=opp_id,
                interview_id=interview_id,
                kind=kind,
                language=language,
                word_limit=limit,
            )
    finally:
        app.close()


def _word_limit() -> int:
    # No config file and no setting in the environment (the usual `check`): the default,
    # without loading the settings and their 60-field dataclass (~5 ms of the process).
    if not os.path.exists(paths.config_file()) and not any(
        name.startswith("AFTERVIEW_") and name not in paths.NOT_SETTINGS for name in os.environ
    ):
        from afterview.playbook import THANK_YOU_MAX_WORDS

        return THANK_YOU_MAX_WORDS
    from afterview import config

    return config.load_settings().thank_you_max_words


def _nothing(sql: str, params: dict[str, Any]) -> Sequence[Sequence[Any]]:
    return []


def _announce_dictionary(language: str) -> None:
    """Say so when the first check must compile the dictionary (a few seconds, once)."""
    from afterview.writing import spelling

    needs_build = getattr(spelling, "needs_build", None)
    if needs_build is not None and needs_build(language):
        sys.stderr.write(f"Preparing the {language} dictionary (once; a few seconds)…\n")
