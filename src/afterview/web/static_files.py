"""The package's CSS and scripts under content-fingerprinted URLs, cached for good.

A page links `/static/app.css?v=<12 hex digits of its SHA-256>`; that exact URL
can never name other bytes, so the browser keeps it a year without asking again
(`immutable`). A new release changes the digest, hence the URL. A request without
the current digest (an old page, a hand-typed URL) is revalidated every time.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs

from starlette.responses import Response
from starlette.staticfiles import PathLike, StaticFiles
from starlette.types import Scope

STATIC = Path(__file__).with_name("static")
FOREVER = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


@lru_cache(maxsize=64)
def fingerprint(name: str) -> str:
    """The first 12 hex digits of the file's SHA-256 (files in the package never
    change while the server runs)."""
    return hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:12]


def url(name: str) -> str:
    """`/static/NAME?v=DIGEST`, the address every template links to."""
    return f"/static/{name}?v={fingerprint(name)}"


class FingerprintedStatic(StaticFiles):
    """StaticFiles that answers the current fingerprinted URL as immutable."""

    def file_response(
        self,
        full_path: PathLike,
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        sent = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("v", [""])[0]
        name = self.get_path(scope).replace(os.sep, "/")
        current = sent != "" and sent == fingerprint(name)
        response.headers["cache-control"] = FOREVER if current else REVALIDATE
        return response
