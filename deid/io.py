"""Reading inputs safely: text files, standard input and JSONL lines.

Every failure raises :class:`deid.errors.InputError` with a one-line message that
names the input and the problem, never its content.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from .errors import InputError

MAX_BYTES = int(os.environ.get("DEID_MAX_BYTES", 200 * 1024 * 1024))


def decode_text(data: bytes, name: str) -> str:
    if b"\x00" in data[:65536] or b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not valid UTF-8 text (bad byte at offset {e.start})") from None
    if not text.strip():
        raise InputError(f"{name}: input is empty")
    return text


def read_bytes(path: str | None, max_bytes: int = MAX_BYTES) -> bytes:
    """Bytes of a file, or of standard input when ``path`` is None or '-'."""
    name = display_name(path)
    if path in (None, "-"):
        stream = sys.stdin.buffer
        if sys.stdin.isatty():
            print("deid: reading the note from the keyboard; end with Ctrl-D (Ctrl-Z then Enter on Windows)", file=sys.stderr)
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{name}: no such file")
        if p.is_dir():
            raise InputError(f"{name}: is a directory (use `deid batch` for folders)")
        try:
            if p.stat().st_size > max_bytes:
                raise InputError(f"{name}: file is larger than the {max_bytes // (1024 * 1024)} MB limit (set DEID_MAX_BYTES to raise it)")
            stream = p.open("rb")
        except PermissionError:
            raise InputError(f"{name}: permission denied") from None
    try:
        data = stream.read(max_bytes + 1)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    if len(data) > max_bytes:
        raise InputError(f"{name}: input is larger than the {max_bytes // (1024 * 1024)} MB limit (set DEID_MAX_BYTES to raise it)")
    return data


def read_text(path: str | None, max_bytes: int = MAX_BYTES) -> str:
    return decode_text(read_bytes(path, max_bytes), display_name(path))


def display_name(path: str | None) -> str:
    return "<stdin>" if path in (None, "-") else str(path)


def open_binary(path: str | None) -> BinaryIO:
    if path in (None, "-"):
        return sys.stdin.buffer
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory")
    return p.open("rb")


def parse_jsonl_line(raw: bytes, lineno: int, name: str) -> tuple[Any, str]:
    """(id, text) of one JSONL line, or InputError saying what is wrong with it."""
    where = f"{name} line {lineno}"
    try:
        s = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{where}: not valid UTF-8") from None
    if not s.strip():
        raise InputError(f"{where}: empty line")
    try:
        obj = json.loads(s)
    except json.JSONDecodeError as e:
        raise InputError(f"{where}: not valid JSON ({e.msg} at column {e.colno})") from None
    if not isinstance(obj, dict):
        raise InputError(f"{where}: must be a JSON object with a string 'text'")
    if "text" not in obj:
        raise InputError(f"{where}: has no 'text' field")
    if not isinstance(obj["text"], str):
        raise InputError(f"{where}: 'text' must be a string")
    return obj.get("id"), obj["text"]


def safe_id(raw: bytes) -> Any:
    """Best-effort id of a bad line, for its error record (None when unreadable)."""
    try:
        obj = json.loads(raw.decode("utf-8"))
        if isinstance(obj, dict):
            v = obj.get("id")
            return v if isinstance(v, (str, int, float, bool)) or v is None else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        pass
    return None


def iter_lines(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    for i, line in enumerate(stream, start=1):
        yield i, line.rstrip(b"\r\n")


class AtomicOutput:
    """Write to a temporary file next to ``path`` and move it into place on success."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self._tmp = None

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=self.path.parent)
        self._tmp = tmp
        self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="")
        return self._fh

    def __exit__(self, exc_type, exc, tb):
        self._fh.close()
        if exc_type is None:
            os.replace(self._tmp, self.path)
        else:
            os.unlink(self._tmp)
        return False
