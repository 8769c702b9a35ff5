"""A PHI-free audit log (``--audit LOG``): one JSON line per document processed.

Why: a practice must be able to show what was de-identified, when, and under which
policy, without the log itself becoming a store of PHI. A record holds only::

    {"time": "2024-05-02T10:31:07Z", "command": "scrub", "profile": "ai",
     "doc": "h:3f1c...", "counts": {"PERSON": 3, "DATE_TIME": 2}, "client": "h:9ab2..."}

The document reference and the client id are keyed hashes (HMAC-SHA256, 16 hex
digits): a file name or a client id can itself be identifying ("jordan_reyes.txt"),
and a plain hash of a short name is easy to reverse by guessing. The key is made once
per log, in ``LOG.key`` next to it (owner-only), or taken from ``DEID_AUDIT_KEY``; the
same document or client gets the same hash throughout one log, so records can be
counted and linked, not read. Never a value, never text. Appends are serialised with
an ``fcntl`` lock, so parallel workers do not interleave lines.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import json
import os
import secrets
import threading
from pathlib import Path
from typing import Any, Mapping, Optional

from .errors import ConfigError
from .findings import count_types

_LOCK = threading.Lock()


class AuditLog:
    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise ConfigError(f"audit log {self.path} is a directory")
        self._key: Optional[bytes] = None

    def _hkey(self) -> bytes:
        if self._key is None:
            env = os.environ.get("DEID_AUDIT_KEY")
            if env:
                self._key = env.encode("utf-8")
            else:
                kp = self.path.with_name(self.path.name + ".key")
                try:
                    fd = os.open(kp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                    with os.fdopen(fd, "w") as fh:
                        fh.write(secrets.token_hex(32))
                except FileExistsError:
                    pass
                except OSError:
                    raise ConfigError(f"cannot write the key of audit log {self.path}") from None
                self._key = kp.read_text(encoding="ascii").strip().encode("ascii")
        return self._key

    def ref(self, value: Any) -> str:
        """A keyed hash of a document name, an id or a client id."""
        msg = json.dumps(value, ensure_ascii=False, default=str).encode("utf-8")
        return "h:" + hmac.new(self._hkey(), msg, hashlib.sha256).hexdigest()[:16]

    def record(self, command: str, profile: str, doc: Any, counts: Mapping[str, int],
               client_id: Optional[str] = None) -> dict:
        """Append one record. ``doc``: a document id or file name (hashed here, whatever it
        is); ``counts``: entity type -> number of findings. Returns the record."""
        rec: dict[str, Any] = {
            "time": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z"),
            "command": str(command),
            "profile": str(profile),
            "doc": doc if isinstance(doc, str) and doc.startswith("h:") else self.ref(doc),
            "counts": {str(k): int(v) for k, v in sorted(counts.items())},
        }
        if client_id is not None:
            rec["client"] = self.ref(str(client_id))
        line = (json.dumps(rec, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")
        import fcntl

        with _LOCK:
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            except OSError:
                raise ConfigError(f"cannot write audit log {self.path}") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                os.write(fd, line)
                os.fsync(fd)
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
        return rec


class AuditedEngine:
    """A Deidentifier that writes one audit record per document it scrubs.

    ``doc`` names the document being scrubbed (set by the caller before ``scrub``);
    texts scrubbed through ``scrub_many`` (JSONL) are numbered within the source."""

    def __init__(self, engine, log: AuditLog, command: str = "scrub", client_id: Optional[str] = None) -> None:
        self._engine = engine
        self._log = log
        self._command = command
        self._client = client_id
        self.doc: Any = "<stdin>"
        self._seq = 0

    def __getattr__(self, name: str):
        return getattr(self._engine, name)

    @property
    def engine(self):
        """The engine itself, for work whose audit record the caller writes (``record``)."""
        return self._engine

    def record(self, doc: Any, counts: dict) -> None:
        """The audit record of one document scrubbed outside ``scrub`` (formats, streaming)."""
        self._log.record(self._command, self._engine.profile.name, doc, counts, self._client)

    def _record(self, result, doc: Any) -> None:
        self.record(doc, count_types(result.findings))

    def scrub(self, text: str, **kw):
        r = self._engine.scrub(text, **kw)
        self._record(r, self.doc)
        return r

    def scrub_many(self, texts, **kw):
        for r in self._engine.scrub_many(texts, **kw):
            self._seq += 1
            self._record(r, f"{self.doc}#{self._seq}")
            yield r
