"""`afterview mail`: settings through the console script; passwords in a real keyring backend."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import Runner

SUPPORT = Path(__file__).resolve().parent.parent / "support"


@pytest.fixture
def keyring_env(tmp_path: Path) -> dict[str, str]:
    return {
        "PYTHON_KEYRING_BACKEND": "file_keyring.FileKeyring",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SUPPORT), os.environ.get("PYTHONPATH")])),
        "AFTERVIEW_TEST_KEYRING": str(tmp_path / "keyring.json"),
    }


def test_set_show_and_store_a_password(run_default: Runner, keyring_env: dict[str, str]) -> None:
    run_default.ok(
        "mail", "set", "--smtp-host", "smtp.example.org", "--smtp-user", "sam@example.org"
    )
    shown = run_default.ok("mail", "show", extra_env=keyring_env)
    assert "smtp.example.org:587 (starttls, user sam@example.org)" in shown.stdout
    assert "password none yet" in shown.stdout
    stored = run_default.ok("mail", "password", "smtp", input="s3cret\n", extra_env=keyring_env)
    assert "Stored in the keyring (FileKeyring)" in stored.stdout
    assert "s3cret" not in stored.stdout + stored.stderr
    assert "in the keyring" in run_default.ok("mail", "show", extra_env=keyring_env).stdout
    from_env = run_default.ok(
        "mail", "show", extra_env={**keyring_env, "AFTERVIEW_SMTP_PASSWORD": "x"}
    )
    assert "from AFTERVIEW_SMTP_PASSWORD" in from_env.stdout
    # the database never holds it
    database = Path(run_default.env["AFTERVIEW_HOME"]).rglob("*.db")
    assert all(b"s3cret" not in path.read_bytes() for path in database)
    forgot = run_default.ok("mail", "password", "smtp", "--forget", extra_env=keyring_env)
    assert "Forgotten" in forgot.stdout


def test_no_keyring_says_to_use_the_environment(run_default: Runner, tmp_path: Path) -> None:
    run_default.ok("mail", "set", "--imap-host", "imap.example.org")
    result = run_default(
        "mail",
        "password",
        "imap",
        input="pw\n",
        extra_env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )
    assert result.returncode == 2, str(result)
    assert result.error_lines[-1] == (
        "afterview: No keyring is available on this machine; set AFTERVIEW_IMAP_PASSWORD "
        "in the environment of the commands that send or sync instead."
    )


def test_password_needs_a_server_first(run_default: Runner) -> None:
    result = run_default("mail", "password", "smtp", input="pw\n")
    assert result.returncode == 2
    assert "No SMTP server is set" in result.stderr


def test_bad_port_is_one_line_and_changes_nothing(run_default: Runner) -> None:
    run_default.ok("mail", "set", "--smtp-host", "smtp.example.org")
    result = run_default("mail", "set", "--smtp-host", "other.example.org", "--smtp-port", "70000")
    assert result.returncode == 2
    assert result.error_lines == ["afterview: --smtp-port must be from 1 to 65535, not 70000."]
    assert "smtp.example.org:587" in run_default.ok("mail", "show").stdout
