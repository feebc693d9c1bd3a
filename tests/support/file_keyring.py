"""A keyring backend for tests: a real `keyring` backend, stored in a JSON file.

Selected with PYTHON_KEYRING_BACKEND=file_keyring.FileKeyring (this folder on
PYTHONPATH) so subprocesses use it too; the file is AFTERVIEW_TEST_KEYRING.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend, properties
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    @properties.classproperty
    def priority(cls) -> float:  # type: ignore[override]
        """Viable only while a test names its file: once imported, keyring would
        otherwise pick it for every later test of the process, file or not."""
        if "AFTERVIEW_TEST_KEYRING" not in os.environ:
            raise RuntimeError("AFTERVIEW_TEST_KEYRING is not set")
        return 1

    def _path(self) -> Path:
        return Path(os.environ["AFTERVIEW_TEST_KEYRING"])

    def _read(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text("utf-8")) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}\0{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._read()
        data[f"{service}\0{username}"] = password
        self._path().write_text(json.dumps(data), "utf-8")

    def delete_password(self, service: str, username: str) -> None:
        data = self._read()
        if data.pop(f"{service}\0{username}", None) is None:
            raise PasswordDeleteError("not found")
        self._path().write_text(json.dumps(data), "utf-8")
