"""CSV spreadsheets of notes: every text cell scrubbed (or only ``columns``), the
dialect (delimiter, quote character, quoting of every field, line endings) kept.
Streamed row by row; each row is one document, so a name in one cell is removed
from the other cells of its row.  The first row is scrubbed like the others (a
header of column names is left as it is because it holds no PHI)."""
from __future__ import annotations

import csv as _csv
import io
from typing import BinaryIO, Iterator, Optional, Sequence

import regex

from ..errors import InputError
from . import Document, Outcome, PartsDocument, _add, separated

BATCH = 64
_SAMPLE = 64 * 1024


class _Row(PartsDocument):
    """One row: the cells to scrub are its segments."""

    def __init__(self, row: list[str], cols: Optional[set[int]]) -> None:
        self.row = row
        self.idx = [i for i, c in enumerate(row) if c.strip() and (cols is None or i in cols)]
        super().__init__(separated([row[i] for i in self.idx]))

    def render(self, new_texts) -> list[str]:  # type: ignore[override]
        row = list(self.row)
        for i, t in zip(self.idx, new_texts):
            row[i] = t
        return row


class _CsvDocument(Document):
    def __init__(self, rows: list[list[str]], dialect) -> None:
        self.rows, self.dialect = rows, dialect
        self.cells = [(r, c) for r, row in enumerate(rows) for c, v in enumerate(row) if v.strip()]
        self.texts = [rows[r][c] for r, c in self.cells]
        self.speakers = set()

    def render(self, new_texts) -> bytes:
        rows = [list(r) for r in self.rows]
        for (r, c), t in zip(self.cells, new_texts):
            rows[r][c] = t
        buf = io.StringIO(newline="")
        w = _csv.writer(buf, dialect=self.dialect)
        w.writerows(rows)
        return buf.getvalue().encode("utf-8")


def _text_stream(src: BinaryIO, name: str) -> tuple[io.TextIOBase, str]:
    head = src.read(_SAMPLE)
    if b"\x00" in head:
        raise InputError(f"{name}: looks like a binary file, not text")
    if not head.strip():
        raise InputError(f"{name}: input is empty")
    sample = head.decode("utf-8-sig", errors="ignore")
    rest = io.BufferedReader(_Chain(head, src))  # type: ignore[arg-type]
    return io.TextIOWrapper(rest, encoding="utf-8-sig", newline=""), sample


class _Chain(io.RawIOBase):
    """The sniffed head, then the rest of the stream."""

    def __init__(self, head: bytes, src: BinaryIO) -> None:
        self.head, self.src = head, src

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self.head:
            n = min(len(b), len(self.head))
            b[:n], self.head = self.head[:n], self.head[n:]
            return n
        data = self.src.read(len(b))
        b[:len(data)] = data
        return len(data)


def _dialect(sample: str):
    try:
        d = _csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except _csv.Error:
        d = _csv.excel
    class D(_csv.Dialect):  # noqa: N801 - a copy we can adjust
        delimiter = d.delimiter
        quotechar = d.quotechar or '"'
        doublequote = d.doublequote
        escapechar = d.escapechar
        skipinitialspace = d.skipinitialspace
        lineterminator = "\r\n" if "\r\n" in sample else "\n"
        quoting = _csv.QUOTE_MINIMAL
    first = sample.splitlines()[0] if sample.splitlines() else ""
    q, sep = D.quotechar, D.delimiter
    if first.startswith(q) and first.endswith(q) and first.count(q + sep + q) == first.count(sep):
        D.quoting = _csv.QUOTE_ALL  # every field was quoted: keep it so
    return D


def _columns(header: list[str], columns: Optional[Sequence[str]], name: str) -> Optional[set[int]]:
    if not columns:
        return None
    cols = set()
    for c in columns:
        c = c.strip()
        if c in header:
            cols.add(header.index(c))
        elif regex.fullmatch(r"\d+", c) and 1 <= int(c) <= len(header):
            cols.add(int(c) - 1)
        else:
            raise InputError(f"{name}: no column '{c}' in the header")
    return cols


def _rows(text: io.TextIOBase, dialect, name: str) -> Iterator[list[str]]:
    try:
        yield from _csv.reader(text, dialect=dialect)
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not valid UTF-8 text (bad byte at offset {e.start} of a block)") from None
    except _csv.Error as e:
        raise InputError(f"{name}: not valid CSV ({str(e).split(':')[0]})") from None


def read(data: bytes, name: str) -> Document:
    text, sample = _text_stream(io.BytesIO(data), name)
    dialect = _dialect(sample)
    return _CsvDocument(list(_rows(text, dialect, name)), dialect)


def scrub_stream(engine, src: BinaryIO, out: BinaryIO, name: str, client=None, columns: Optional[Sequence[str]] = None) -> Outcome:
    from . import scrub_docs_edits

    text, sample = _text_stream(src, name)
    dialect = _dialect(sample)
    sink = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = _csv.writer(sink, dialect=dialect)
    res = Outcome()
    cols: Optional[set[int]] = None
    pending: list[_Row] = []

    def flush() -> None:
        for row, (new_texts, counts) in zip(pending, scrub_docs_edits(engine, pending, client)):
            writer.writerow(row.render(new_texts))
            _add(res.counts, counts)
        pending.clear()

    try:
        for n, row in enumerate(_rows(text, dialect, name)):
            if n == 0:
                cols = _columns(row, columns, name)
            pending.append(_Row(row, cols))
            if len(pending) >= BATCH:
                flush()
        flush()
    finally:
        sink.detach()  # the caller owns ``out``
    return res
