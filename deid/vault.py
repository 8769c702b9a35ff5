"""The vault: one encrypted file holding every client's surrogate -> original pairs.

Why a file of its own: the AI round trip (``deid scrub --profile ai --vault V`` then
``deid restore --vault V``) must put real names back on the clinician's machine, and
the pairs are the most sensitive thing deid ever writes. So:

* **Encryption**: AES-256-GCM (``cryptography``). The key comes from a passphrase via
  Argon2id (scrypt where Argon2 is unavailable), with the salt and the cost parameters
  in a plaintext header; or from a raw 32-byte key file (32 bytes, or 64 hex digits).
  The header is authenticated (GCM associated data), so changing a parameter, the
  salt or one byte of the ciphertext makes opening fail. Nothing but the header is
  plaintext: no client id, no count, no value.
* **Where the key comes from**: ``--key-file F`` / ``DEID_VAULT_KEY_FILE``, then
  ``DEID_VAULT_PASSPHRASE``, then a hidden prompt on a terminal. Never an argument.
* **Writes are atomic and merged**: under an ``fcntl`` lock on ``VAULT.lock`` the file
  is read again, this process's changes are applied on top, and the result goes to a
  temporary file in the same folder (fsync) that replaces the vault (``os.replace``).
  A crash mid-write leaves the previous vault; two writers never lose each other's
  pairs.
* **Per client**: a random secret (seeds the surrogates), a date offset and the pairs
  ``surrogate -> (entity type, original)``. ``forget(client_id)`` deletes one client
  (deletion on request); ``info()`` gives counts only.

``DEID_VAULT_FAST_KDF=1`` makes *new* vaults use tiny KDF costs: for tests only (the
parameters are in the header, so such a vault keeps opening quickly and is weak).
"""
from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from .errors import ConfigError

MAGIC = "deid-vault"
VERSION = 1
NONCE = 12
TAG = 16


class VaultError(ConfigError):
    """The vault cannot be opened or written: wrong key, damaged file, no key. Exit 2."""


# ------------------------------------------------------------------ per client
@dataclass
class ClientState:
    """One client's secret, date offset and surrogate pairs (surrogate -> (type, original)).

    The same structure is used in memory when there is no vault."""

    secret: bytes
    offset: int
    pairs: dict[str, tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._reindex()

    def _reindex(self) -> None:
        self._by_sur: dict[str, str] = {s.casefold(): s for s in self.pairs}
        self._by_orig: dict[tuple[str, str], str] = {}
        for s, (t, o) in self.pairs.items():
            self._by_orig.setdefault((kind_of(t), norm(o)), s)

    @classmethod
    def derived(cls, key: bytes) -> "ClientState":
        """A state derived from ``key`` (no vault): deterministic, not secret."""
        secret = hmac.new(key, b"deid-client-secret", hashlib.sha256).digest()
        return cls(secret=secret, offset=offset_from(secret))

    @classmethod
    def new(cls) -> "ClientState":
        secret = secrets.token_bytes(32)
        return cls(secret=secret, offset=offset_from(secret))

    def surrogate_for(self, entity_type: str, original: str) -> Optional[str]:
        return self._by_orig.get((kind_of(entity_type), norm(original)))

    def original_of(self, surrogate: str) -> Optional[tuple[str, str, str]]:
        """(canonical surrogate, type, original) for a surrogate written in any case."""
        s = self._by_sur.get(surrogate.casefold())
        if s is None:
            return None
        t, o = self.pairs[s]
        return s, t, o

    def taken(self, surrogate: str) -> bool:
        return surrogate.casefold() in self._by_sur

    def add(self, surrogate: str, entity_type: str, original: str) -> bool:
        """Record a pair; False if the surrogate already stands for something else."""
        prev = self.original_of(surrogate)
        if prev is not None:
            return norm(prev[2]) == norm(original)
        self.pairs[surrogate] = (entity_type, original)
        self._by_sur[surrogate.casefold()] = surrogate
        self._by_orig.setdefault((kind_of(entity_type), norm(original)), surrogate)
        return True

    def originals_cf(self) -> set[str]:
        return {norm(o) for _, o in self.pairs.values()}

    def to_json(self) -> dict:
        return {"secret": base64.b64encode(self.secret).decode(), "offset": self.offset,
                "pairs": {s: [t, o] for s, (t, o) in self.pairs.items()}}

    @classmethod
    def from_json(cls, d: dict) -> "ClientState":
        return cls(secret=base64.b64decode(d["secret"]), offset=int(d["offset"]),
                   pairs={s: (t, o) for s, (t, o) in d.get("pairs", {}).items()})


_NAME_KINDS = {"PERSON": "NAME", "UNKNOWN": "NAME"}


def kind_of(entity_type: str) -> str:
    """Types that share one surrogate space (a word the safety net took is a name too)."""
    return _NAME_KINDS.get(entity_type, entity_type)


def norm(value: str) -> str:
    return " ".join(value.split()).casefold()


def offset_from(secret: bytes) -> int:
    """Date shift in days: a non-zero multiple of 7 between 14 and 56, either way, so
    intervals and weekdays are both preserved."""
    h = hmac.new(secret, b"deid-date-offset", hashlib.sha256).digest()
    days = 7 * (2 + h[0] % 7)
    return days if h[1] % 2 else -days


# ------------------------------------------------------------------ keys
def _fast_kdf() -> bool:
    return os.environ.get("DEID_VAULT_FAST_KDF") == "1"


def _kdf_params() -> dict:
    try:
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id  # noqa: F401

        if _fast_kdf():
            return {"kdf": "argon2id", "iterations": 1, "lanes": 1, "memory_kib": 1024}
        return {"kdf": "argon2id", "iterations": 3, "lanes": 4, "memory_kib": 65536}
    except ImportError:
        return {"kdf": "scrypt", "n": 2 ** 10 if _fast_kdf() else 2 ** 17, "r": 8, "p": 1}


def _derive(passphrase: bytes, header: dict) -> bytes:
    salt = base64.b64decode(header["salt"])
    kdf = header.get("kdf")
    try:
        if kdf == "argon2id":
            from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

            return Argon2id(salt=salt, length=32, iterations=int(header["iterations"]), lanes=int(header["lanes"]),
                            memory_cost=int(header["memory_kib"])).derive(passphrase)
        if kdf == "scrypt":
            from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

            return Scrypt(salt=salt, length=32, n=int(header["n"]), r=int(header["r"]), p=int(header["p"])).derive(passphrase)
    except (KeyError, ValueError, TypeError):
        pass
    raise VaultError("vault header is damaged (unknown key derivation or parameters)")


@dataclass
class Key:
    """Either a passphrase (derived per vault salt) or a raw 32-byte key."""

    passphrase: Optional[bytes] = None
    raw: Optional[bytes] = None


def read_key_file(path: str) -> Key:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise VaultError(f"key file not found: {path}") from None
    except OSError:
        raise VaultError(f"key file cannot be read: {path}") from None
    if len(data) == 32:
        return Key(raw=data)
    s = data.strip()
    if len(s) == 64:
        try:
            return Key(raw=bytes.fromhex(s.decode("ascii")))
        except (ValueError, UnicodeDecodeError):
            pass
    raise VaultError(f"key file {path} must hold 32 raw bytes or 64 hex digits")


def new_key_file(path: str) -> None:
    """Write a fresh random 32-byte key (hex), readable by the owner only."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(secrets.token_hex(32) + "\n")


def resolve_key(passphrase: Optional[str] = None, key_file: Optional[str] = None, *, creating: bool = False,
                prompt: bool = True) -> Key:
    """The vault key: ``key_file`` / ``DEID_VAULT_KEY_FILE``, ``passphrase`` (API only) /
    ``DEID_VAULT_PASSPHRASE``, else a hidden prompt when a terminal is attached."""
    key_file = key_file or os.environ.get("DEID_VAULT_KEY_FILE") or None
    if key_file:
        return read_key_file(key_file)
    pw = passphrase if passphrase is not None else os.environ.get("DEID_VAULT_PASSPHRASE")
    if pw is None and prompt and _has_tty():
        import click

        pw = click.prompt("Vault passphrase", hide_input=True, confirmation_prompt=creating, err=True)
    if not pw:
        raise VaultError("no vault key: set DEID_VAULT_PASSPHRASE, give --key-file, or run on a terminal to be asked")
    return Key(passphrase=pw.encode("utf-8"))


def _has_tty() -> bool:
    try:
        return sys.stdin.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


# ------------------------------------------------------------------ the vault
class Vault:
    """An open vault. Use :meth:`open`; change it inside :meth:`transaction`."""

    def __init__(self, path: Path, key: Key) -> None:
        self.path = path
        self._key = key
        self._aes: Optional[bytes] = None
        self._header: Optional[dict] = None
        self.clients: dict[str, ClientState] = {}
        self._stamp: Optional[tuple] = None
        self._tlock = threading.RLock()

    # ---- opening
    @classmethod
    def open(cls, path: str | os.PathLike, passphrase: Optional[str] = None, key_file: Optional[str] = None,
             create: bool = False, key: Optional[Key] = None) -> "Vault":
        p = Path(path)
        if not p.exists() and not create:
            raise VaultError(f"no vault at {p} (deid scrub --profile ai --vault {p.name} creates one)")
        if p.exists() and not p.is_file():
            raise VaultError(f"vault {p} is not a file")
        if key is None:
            key = resolve_key(passphrase, key_file, creating=not p.exists())
        v = cls(p, key)
        if p.exists():
            v._load()
        else:
            with v._locked():
                if p.exists():
                    v._load()
                else:
                    v._new_header()
                    v._write()
        return v

    def _new_header(self) -> None:
        if self._key.raw is not None:
            self._header = {"format": MAGIC, "version": VERSION, "kdf": "raw-key"}
            self._aes = self._key.raw
        else:
            self._header = {"format": MAGIC, "version": VERSION, **_kdf_params(),
                            "salt": base64.b64encode(secrets.token_bytes(16)).decode()}
            self._aes = _derive(self._key.passphrase, self._header)

    def _key_for(self, header: dict) -> bytes:
        if header.get("kdf") == "raw-key":
            if self._key.raw is None:
                raise VaultError(f"vault {self.path.name} was made with a key file: give --key-file or DEID_VAULT_KEY_FILE")
            return self._key.raw
        if self._key.passphrase is None:
            raise VaultError(f"vault {self.path.name} was made with a passphrase, not a key file")
        if self._header is not None and header.get("salt") == self._header.get("salt") and self._aes:
            return self._aes
        return _derive(self._key.passphrase, header)

    def _load(self) -> None:
        """Read and decrypt the file (skipped when it has not changed since we last did)."""
        try:
            st = self.path.stat()
            stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
            if stamp == self._stamp:
                return
            data = self.path.read_bytes()
        except FileNotFoundError:
            raise VaultError(f"vault {self.path.name} disappeared") from None
        except OSError:
            raise VaultError(f"vault {self.path.name} cannot be read") from None
        nl = data.find(b"\n")
        try:
            header = json.loads(data[:nl].decode("ascii")) if nl > 0 else None
        except (UnicodeDecodeError, json.JSONDecodeError):
            header = None
        if not isinstance(header, dict) or header.get("format") != MAGIC:
            raise VaultError(f"{self.path.name} is not a deid vault (or its header is damaged)")
        if header.get("version") != VERSION:
            raise VaultError(f"vault {self.path.name} has version {header.get('version')!r}; this deid reads version {VERSION}")
        body = data[nl + 1:]
        if len(body) < NONCE + TAG:
            raise VaultError(f"vault {self.path.name} is truncated or damaged")
        key = self._key_for(header)
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            plain = AESGCM(key).decrypt(body[:NONCE], body[NONCE:], data[:nl])
        except InvalidTag:
            raise VaultError(f"cannot open vault {self.path.name}: wrong passphrase or key, or the file was changed or damaged") from None
        try:
            payload = json.loads(plain.decode("utf-8"))
            clients = {cid: ClientState.from_json(c) for cid, c in payload["clients"].items()}
        except (ValueError, KeyError, TypeError):
            raise VaultError(f"vault {self.path.name} decrypts but its content is damaged") from None
        self._header, self._aes = header, key
        self.clients = clients
        self._stamp = stamp

    def _write(self) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        head = json.dumps(self._header, sort_keys=True).encode("ascii")
        payload = json.dumps({"clients": {cid: c.to_json() for cid, c in self.clients.items()}},
                             ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        nonce = secrets.token_bytes(NONCE)
        blob = head + b"\n" + nonce + AESGCM(self._aes).encrypt(nonce, payload, head)
        folder = self.path.parent if str(self.path.parent) else Path(".")
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        with contextlib.suppress(OSError):
            dfd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
        st = self.path.stat()
        self._stamp = (st.st_ino, st.st_size, st.st_mtime_ns)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        import fcntl

        with self._tlock:
            lock_path = self.path.with_name(self.path.name + ".lock")
            try:
                fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError:
                raise VaultError(f"cannot create the lock file next to vault {self.path.name}") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)

    # ---- use
    @contextlib.contextmanager
    def transaction(self) -> Iterator["Vault"]:
        """Lock, re-read what others wrote, let the caller change ``clients``, write.

        If the body raises, nothing is written and the in-memory state is re-read
        next time (the file on disk is the truth)."""
        with self._locked():
            self._stamp = None
            self._load()
            before = json.dumps({c: s.to_json() for c, s in self.clients.items()}, sort_keys=True)
            try:
                yield self
            except BaseException:
                self._stamp = None
                raise
            after = json.dumps({c: s.to_json() for c, s in self.clients.items()}, sort_keys=True)
            if after != before:
                self._write()

    def refresh(self) -> None:
        """Pick up what other processes wrote (cheap when nothing changed)."""
        with self._locked():
            self._load()

    def client(self, client_id: str, create: bool = False) -> Optional[ClientState]:
        """The client's state; with ``create`` a new client is added (write it in a transaction)."""
        c = self.clients.get(client_id)
        if c is None and create:
            c = self.clients[client_id] = ClientState.new()
        return c

    def surrogates_cf(self, but: Optional[str] = None) -> set[str]:
        """Every client's surrogates (case-folded) except ``but``'s: so clients never share one."""
        out: set[str] = set()
        for cid, c in self.clients.items():
            if cid != but:
                out.update(c._by_sur)
        return out

    def forget(self, client_id: str) -> int:
        """Delete one client's secret, offset and pairs; returns how many pairs went."""
        with self.transaction():
            c = self.clients.pop(client_id, None)
        return len(c.pairs) if c else 0

    def info(self, client_id: Optional[str] = None) -> dict:
        """Counts only: clients, pairs, pairs per entity type (for one client if given)."""
        self.refresh()
        chosen = [self.clients[client_id]] if client_id is not None and client_id in self.clients else \
            ([] if client_id is not None else list(self.clients.values()))
        per_type: dict[str, int] = {}
        for c in chosen:
            for t, _ in c.pairs.values():
                per_type[t] = per_type.get(t, 0) + 1
        return {"clients": len(chosen), "pairs": sum(per_type.values()), "per_type": dict(sorted(per_type.items())),
                "kdf": (self._header or {}).get("kdf")}
