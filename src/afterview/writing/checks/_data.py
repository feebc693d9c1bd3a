"""Where the checker's shipped data files are, as plain paths.

Why not `pathlib`: `afterview check` is a whole process timed against `hunspell -l`
(docs/benchmarks.md), and importing `pathlib` (with `urllib.parse` and `ipaddress`
behind it) cost ~2.5 ms of it; these modules only ever join one folder and read a file.
"""

from __future__ import annotations

import os

FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def data_file(name: str) -> str:
    return os.path.join(FOLDER, name)


def read_bytes(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()
