"""Word documents (.docx) through python-docx, formatting kept.

Every paragraph of every story is a segment: the body, tables (nested ones too), text
boxes, headers and footers of every section, comments, footnotes and endnotes (any
``w:p`` of any WordprocessingML part).  Replacements go back run by run: text outside
a finding stays in its run with its formatting; a finding that spans several runs
(Word splits a word wherever formatting or spell-check state changes) is written into
the run where it starts and its text in the other runs is removed.  Tabs and breaks
stay.  Deleted text of tracked changes and field instructions (``HYPERLINK
"mailto:..."``) are scrubbed too; external link targets are scrubbed; every
``w:author``/``w:initials`` (comments, tracked changes) is cleared; the core properties
author and last-modified-by are cleared, title, subject, keywords, comments and
category scrubbed; the app properties company and manager are cleared.
"""
from __future__ import annotations

import io
from typing import Sequence

from ..errors import InputError
from . import Document

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_EDITABLE = {_W + "t", _W + "delText", _W + "instrText"}
_FIXED = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
_CLEARED_ATTRS = (_W + "author", _W + "initials")
_CORE_SCRUBBED = ("title", "subject", "keywords", "comments", "category")
_CORE_CLEARED = ("author", "last_modified_by")
_APP_CLEARED = {"Company", "Manager"}


def _open(data: bytes, name: str):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not data.strip(b"\x00 \t\r\n"):
        raise InputError(f"{name}: input is empty")
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError, EOFError) as e:
        raise InputError(f"{name}: not a readable .docx file ({type(e).__name__})") from None
    except Exception as e:  # noqa: BLE001 - zipfile and lxml errors of a corrupt file
        raise InputError(f"{name}: not a readable .docx file ({type(e).__name__})") from None


class _Plan:
    """Where the segments of an opened document live, in a fixed order (so the
    document can be opened again and rewritten from the same plan)."""

    def __init__(self, d) -> None:
        from docx.opc.part import XmlPart
        from lxml import etree

        self.d = d
        self.texts: list[str] = []
        self.setters: list = []        # one per segment: write its edits back
        self.generic: list = []        # (part, root) of parts python-docx keeps as bytes
        for part in sorted(d.part.package.iter_parts(), key=lambda p: (str(p.partname) != "/word/document.xml", str(p.partname))):
            ct = part.content_type or ""
            if not ct.endswith("+xml"):
                continue
            if isinstance(part, XmlPart):
                root = part.element
            elif str(part.partname).startswith(("/word/", "/docProps/app.xml", "/docProps/custom.xml")):
                try:
                    root = etree.fromstring(part.blob)
                except etree.XMLSyntaxError:
                    raise InputError("a part of the document is not valid XML") from None
                self.generic.append((part, root))
            else:
                continue
            self._part(part, root)
        cp = d.core_properties
        for attr in _CORE_SCRUBBED:
            v = getattr(cp, attr, None)
            if isinstance(v, str) and v.strip():
                self._add(v, lambda t, a=attr: setattr(cp, a, t))

    def _add(self, text: str, setter, edits: bool = False) -> None:
        """``setter`` takes the new text, or with ``edits`` the (start, end, new) list."""
        self.texts.append(text)
        self.setters.append((setter, edits))

    def _part(self, part, root) -> None:
        for el in root.iter():
            for a in _CLEARED_ATTRS:
                if a in el.attrib:
                    el.attrib[a] = ""
            tag = el.tag if isinstance(el.tag, str) else ""
            local = tag.rsplit("}", 1)[-1]
            if str(part.partname) == "/docProps/app.xml" and local in _APP_CLEARED:
                el.text = ""
            elif str(part.partname) == "/docProps/custom.xml" and len(el) == 0 and el.text and el.text.strip():
                self._add(el.text, lambda t, el=el: setattr(el, "text", t))
        for p in root.iter(_W + "p"):
            pieces = []
            for el in p.iter():
                if el.tag in _EDITABLE or el.tag in _FIXED:
                    if _owner(el) is p:
                        pieces.append(el)
            if pieces:
                self._add("".join(_piece_text(el) for el in pieces), lambda e, ps=pieces: _write_runs(ps, e), edits=True)
        if hasattr(part, "rels"):
            for rel in part.rels.values():
                if rel.is_external and isinstance(rel._target, str) and rel._target.strip():
                    self._add(rel._target, lambda t, r=rel: setattr(r, "_target", t))

    def save(self) -> bytes:
        from lxml import etree

        for a in _CORE_CLEARED:
            if getattr(self.d.core_properties, a, None):
                setattr(self.d.core_properties, a, "")
        for part, root in self.generic:
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        buf = io.BytesIO()
        self.d.save(buf)
        return buf.getvalue()


def _owner(el):
    """The paragraph a text element belongs to (not an outer one around a text box)."""
    node = el.getparent()
    while node is not None and node.tag != _W + "p":
        node = node.getparent()
    return node


def _piece_text(el) -> str:
    return _FIXED.get(el.tag, None) if el.tag in _FIXED else (el.text or "")


def _write_runs(pieces: list, edits: Sequence[tuple[int, int, str]]) -> None:
    """Apply (start, end, new) edits of a paragraph's text to its run pieces."""
    spans, pos = [], 0
    for el in pieces:
        t = _piece_text(el)
        spans.append((pos, pos + len(t), t))
        pos += len(t)
    editable = [el.tag in _EDITABLE for el in pieces]
    new_texts = [t for _, _, t in spans]
    # characters to drop per piece, and where each replacement goes
    drops: list[list[tuple[int, int]]] = [[] for _ in pieces]
    inserts: list[list[tuple[int, str]]] = [[] for _ in pieces]
    for s, e, new in edits:
        home = None
        for i, (a, b, _) in enumerate(spans):
            if not (a < e and b > s):
                continue
            if editable[i]:
                drops[i].append((max(s, a) - a, min(e, b) - a))
                if home is None:
                    home = i
        if home is None:  # only tabs/breaks in the span: put it in the nearest text run
            before = [i for i, (a, _, _) in enumerate(spans) if editable[i] and a <= s]
            after = [i for i, (a, _, _) in enumerate(spans) if editable[i] and a > s]
            home = before[-1] if before else after[0] if after else None
            if home is None:
                continue
        a, b, _ = spans[home]
        inserts[home].append((min(max(s, a), b) - a, new))
    for i, el in enumerate(pieces):
        if not editable[i] or not (drops[i] or inserts[i]):
            continue
        t = new_texts[i]
        keep = [True] * len(t)
        for x, y in drops[i]:
            for k in range(x, y):
                keep[k] = False
        ins = {}
        for at, new in inserts[i]:
            ins[at] = ins.get(at, "") + new
        out = []
        for k, ch in enumerate(t):
            if k in ins:
                out.append(ins[k])
            if keep[k]:
                out.append(ch)
        if len(t) in ins:
            out.append(ins[len(t)])
        el.text = "".join(out)
        el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


class DocxDocument(Document):
    def __init__(self, data: bytes, name: str) -> None:
        self.data, self.name = data, name
        plan = _Plan(_open(data, name))
        self.texts = plan.texts
        self.speakers = set()

    def render_edits(self, edits) -> bytes:
        if len(edits) != len(self.texts):
            raise ValueError("segment count changed")
        plan = _Plan(_open(self.data, self.name))
        if plan.texts != self.texts:
            raise ValueError("document changed between reading and writing")
        from ..streaming import apply_edits

        for text, (setter, by_edits), e in zip(plan.texts, plan.setters, edits):
            if e:
                setter(list(e) if by_edits else apply_edits(text, list(e)))
        return plan.save()

    def render(self, new_texts: Sequence[str]) -> bytes:
        """Whole new paragraph texts: each turned into one edit of the changed middle."""
        edits = []
        for old, new in zip(self.texts, new_texts):
            if old == new:
                edits.append([])
                continue
            p = 0
            while p < min(len(old), len(new)) and old[p] == new[p]:
                p += 1
            q = 0
            while q < min(len(old), len(new)) - p and old[-1 - q] == new[-1 - q]:
                q += 1
            edits.append([(p, len(old) - q, new[p:len(new) - q])])
        return self.render_edits(edits)


def read(data: bytes, name: str) -> DocxDocument:
    return DocxDocument(data, name)
