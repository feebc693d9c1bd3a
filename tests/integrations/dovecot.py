"""A private Dovecot IMAP server on loopback, for the sync tests (Debian's dovecot-imapd).

`running_dovecot(folder)` writes a configuration of its own (Dovecot 2.3 syntax),
starts `dovecot -F -c CONFIG` as a child process, waits until the IMAP greeting
answers, and stops it afterwards. Plain IMAP (with STARTTLS) and IMAPS listen on
free ports; the certificate comes from a `trustme` test authority whose file the
client is given. Users live in a passwd-file written beforehand; each test takes its own,
so tests share the server but never a mailbox.

As a normal user every Dovecot process runs as that user (no chroot). As root —
Dovecot's login processes refuse to run as root — the package's `dovenull` and
`dovecot` users serve logins and mail is owned by `nobody`, in a folder they can
traverse (pytest's own temporary folders are private to root).

Without Dovecot the tests skip, except under CI (env CI set) where they fail:
`make system-deps` installs it.
"""

from __future__ import annotations

import grp
import imaplib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

STARTUP_SECONDS = 20.0
HOST = "127.0.0.1"
USERS = 100  # test accounts, each handed to one test
PASSWORD = "correct horse"


def dovecot_binary() -> str:
    """The dovecot executable; skip (fail under CI) without it."""
    found = shutil.which("dovecot") or next(
        (p for p in ("/usr/sbin/dovecot", "/usr/local/sbin/dovecot") if os.path.exists(p)), None
    )
    if found is None:
        message = (
            "Dovecot is not installed: the IMAP sync tests need a real server. "
            "Install it with `make system-deps` (Debian package dovecot-imapd)."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


@dataclass
class Dovecot:
    """A running server: its ports, its CA file, and helpers to fill mailboxes."""

    root: Path
    imap_port: int
    imaps_port: int
    cafile: str
    users_file: Path
    mail_uid: int
    mail_gid: int
    process: subprocess.Popen[bytes] | None = None
    users: dict[str, str] = field(default_factory=dict)
    spare: list[str] = field(default_factory=list)

    def add_user(self) -> str:
        """A user of its own for a test, with an empty mailbox.

        Users are written before the server starts: Dovecot rereads a changed
        passwd-file, but a change within the same second can go unseen.
        """
        if not self.spare:
            pytest.fail(f"all {USERS} test users of this Dovecot are taken; raise USERS")
        user = self.spare.pop()
        self.users[user] = PASSWORD
        return user

    @contextmanager
    def client(self, user: str) -> Iterator[imaplib.IMAP4]:
        """A logged-in plain-IMAP connection, for setting the scene."""
        conn = imaplib.IMAP4(HOST, self.imap_port, timeout=10)
        try:
            conn.login(user, self.users[user])
            yield conn
        finally:
            conn.logout()

    def append(self, user: str, message: EmailMessage | bytes, mailbox: str = "INBOX") -> int:
        """Deliver a message (IMAP APPEND), received at its Date; returns its UID."""
        raw = message if isinstance(message, bytes) else message.as_bytes()
        received: datetime | None = None
        if isinstance(message, EmailMessage) and message["Date"] is not None:
            received = message["Date"].datetime
        with self.client(user) as conn:
            when = imaplib.Time2Internaldate(received) if received else None
            typ, data = conn.append(_quoted(mailbox), None, when, raw)
            assert typ == "OK", data
            # "[APPENDUID <uidvalidity> <uid>] Append completed."
            return int(data[0].split(b"]")[0].split()[-1])

    def create_mailbox(self, user: str, mailbox: str) -> None:
        with self.client(user) as conn:
            typ, data = conn.create(_quoted(mailbox))
            assert typ == "OK", data

    def delete_mailbox(self, user: str, mailbox: str) -> None:
        with self.client(user) as conn:
            typ, data = conn.delete(_quoted(mailbox))
            assert typ == "OK", data

    def flags(self, user: str, mailbox: str = "INBOX") -> dict[int, str]:
        """Every message's flags by UID (to show sync changes none)."""
        with self.client(user) as conn:
            conn.select(_quoted(mailbox), readonly=True)
            typ, data = conn.uid("FETCH", "1:*", "(UID FLAGS)")
            assert typ == "OK", data
        found = {}
        for item in data:
            if isinstance(item, bytes) and b"UID" in item:
                text = item.decode()
                uid = int(text.split("UID ")[1].split()[0].rstrip(")"))
                found[uid] = text.split("FLAGS (")[1].split(")")[0]
        return found

    def uidvalidity(self, user: str, mailbox: str = "INBOX") -> int:
        with self.client(user) as conn:
            conn.select(_quoted(mailbox), readonly=True)
            _, data = conn.response("UIDVALIDITY")
        return int(data[0])

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text("utf-8", "replace") if path.exists() else "(no log)"


@contextmanager
def running_dovecot(folder: Path) -> Iterator[Dovecot]:
    """Start a private Dovecot under `folder` (or a traversable temporary one as root)."""
    binary = dovecot_binary()
    import trustme

    as_root = os.geteuid() == 0
    root = Path(tempfile.mkdtemp(prefix="afterview-dovecot-")) if as_root else folder
    try:
        if as_root:
            root.chmod(0o711)  # dovecot/dovenull/nobody must traverse, not list
        for sub in ("base", "state", "mail"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        ca = trustme.CA()
        cert = ca.issue_cert(HOST, "localhost")
        cert.private_key_and_cert_chain_pem.write_to_path(str(root / "server.pem"))
        cafile = root / "ca.pem"
        ca.cert_pem.write_to_path(str(cafile))
        cafile.chmod(0o644)
        if as_root:
            nobody = pwd.getpwnam("nobody")
            mail_uid, mail_gid = nobody.pw_uid, nobody.pw_gid
            os.chown(root / "mail", mail_uid, mail_gid)
        else:
            mail_uid, mail_gid = os.getuid(), os.getgid()
        users = root / "users"
        names = [f"u{uuid.uuid4().hex[:12]}" for _ in range(USERS)]
        users.write_text(
            "".join(
                f"{n}:{{PLAIN}}{PASSWORD}:{mail_uid}:{mail_gid}::{root / 'mail' / n}\n"
                for n in names
            ),
            "utf-8",
        )
        users.chmod(0o644)  # the auth process reads it as the `dovecot` user when root
        imap_port, imaps_port = _free_port(), _free_port()
        config = root / "dovecot.conf"
        config.write_text(_config(root, users, imap_port, imaps_port, as_root=as_root), "utf-8")
        server = Dovecot(
            root, imap_port, imaps_port, str(cafile), users, mail_uid, mail_gid, spare=names
        )
        with (root / "stdout.log").open("wb") as out:
            server.process = subprocess.Popen(
                [binary, "-F", "-c", str(config)], stdout=out, stderr=subprocess.STDOUT
            )
        try:
            _wait_until_ready(server)
            yield server
        finally:
            _stop(server.process)
    finally:
        if as_root:
            shutil.rmtree(root, ignore_errors=True)


def _config(root: Path, users: Path, imap_port: int, imaps_port: int, *, as_root: bool) -> str:
    """Dovecot 2.3 configuration (`doveconf -n -c FILE` reads it back)."""
    me = pwd.getpwuid(os.getuid()).pw_name
    group = grp.getgrgid(os.getgid()).gr_name
    unprivileged = (
        ""
        if as_root
        else (
            f"default_login_user = {me}\ndefault_internal_user = {me}\n"
            f"default_internal_group = {group}\n"
        )
    )
    no_chroot = "" if as_root else "  chroot =\n"
    dh = "/usr/share/dovecot/dh.pem"
    return f"""\
# Generated for the afterview tests; Dovecot 2.3.
protocols = imap
listen = {HOST}
base_dir = {root}/base
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
{unprivileged}first_valid_uid = 1
first_valid_gid = 1
mail_location = maildir:{root}/mail/%u
ssl = yes
ssl_cert = <{root}/server.pem
ssl_key = <{root}/server.pem
{f"ssl_dh = <{dh}" if os.path.exists(dh) else ""}
# LOGIN over plain IMAP is allowed so that security "none" can be tested too.
disable_plaintext_auth = no
auth_mechanisms = plain login
# Wrong passwords are tested: no delay, and no penalty for the next logins from loopback.
auth_failure_delay = 0
login_trusted_networks = {HOST}/32
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {users}
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {users}
}}
service imap-login {{
{no_chroot}  inet_listener imap {{
    address = {HOST}
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = {HOST}
    port = {imaps_port}
    ssl = yes
  }}
}}
service anvil {{
{no_chroot}}}
service stats {{
{no_chroot}}}
"""


def _quoted(mailbox: str) -> str:
    """ASCII mailbox names only: the tests need no more."""
    return '"' + mailbox.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _wait_until_ready(server: Dovecot) -> None:
    """Poll until the IMAP greeting answers on both ports (or the process dies)."""
    assert server.process is not None
    deadline = time.monotonic() + STARTUP_SECONDS
    pending = [server.imap_port, server.imaps_port]
    while pending:
        try:
            with socket.create_connection((HOST, pending[0]), timeout=1) as sock:
                if server.imap_port == pending[0]:
                    sock.settimeout(2)
                    greeting = sock.recv(200)
                    if not greeting.startswith(b"* OK"):
                        raise OSError(f"unexpected greeting {greeting!r}")
            pending.pop(0)
            continue
        except OSError:
            pass
        if time.monotonic() > deadline:
            _stop(server.process)
            pytest.fail(f"Dovecot did not answer within {STARTUP_SECONDS:g}s:\n{server.log()}")
        try:
            code = server.process.wait(timeout=0.05)  # a short poll that also sees it exit
        except subprocess.TimeoutExpired:
            continue
        output = (server.root / "stdout.log").read_text("utf-8", "replace")
        pytest.fail(f"Dovecot exited with {code}:\n{output}\n{server.log()}")


def _stop(process: subprocess.Popen[bytes] | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)
