"""Who is who in a document: role tags for people, kind tags for places.

The supervision and referral profiles replace a name by the person's role in the
client's story (``[CLIENT]``, ``[WIFE]``, ``[GROUP MEMBER 2]``, ``[GP]``) and a place
or organisation by its kind (``[TOWN]``, ``[SCHOOL]``, ``[WORKPLACE]``), so that a
supervisor can follow the case without learning who it is about.

Roles come, strongest first, from the client card (the client's names -> CLIENT,
family and clinicians with their relation or role), from a relation word written next
to the name ("his wife Maria", "Maria (mother)", "Sam, his son,"), from a title
("Dr Okafor" -> CLINICIAN, or GP with "GP" nearby), and from group structure (names in
a "members present:" block, speaker labels in a group note -> GROUP MEMBER).  The
relation words and place kinds are data (``deid/data/roles.tsv``,
``deid/data/place_kinds.tsv``), not code.  Mentions of one person (full name, first
name alone, possessive) share one tag; several people of one role are numbered in
order of appearance (``[SON 1]``, ``[SON 2]``); a person with no known role keeps a
numbered ``[PERSON_n]``.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Optional, Sequence

import regex
from .recognizers import _patterns

_TITLE = r"(?:dr|doctor|mr|mrs|ms|miss|mx|prof|professor)\.?"
_ADJ = (r"(?:older|younger|elder|eldest|oldest|youngest|big|little|baby|late|former|new|current|"
        r"biological|adoptive|estranged|treating|regular|usual|twin|\d+[- ]?(?:yo|year[- ]old))")
_POSS = r"(?:his|her|their|my|our|your|the|a|an|its|client['’]s|patient['’]s|the\s+client['’]s|the\s+patient['’]s|\p{L}+['’]s)"
_NAME_WORD = _patterns.compile(r"[\p{L}][\p{L}'’\-.]*")
_GP_NEAR = _patterns.compile(r"\b(?:GP|G\.P\.|general\s+practitioner|family\s+doctor|PCP)\b", regex.IGNORECASE)


def _read_tsv(name: str) -> list[list[str]]:
    raw = (resources.files("deid") / "data" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in raw.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def role_table() -> dict[str, str]:
    """Relation word (lower case) -> role tag, from ``deid/data/roles.tsv``."""
    return {w.strip().casefold(): r.strip().upper() for w, r in _read_tsv("roles.tsv")}


def role_for_relation(relation: str) -> str:
    """The role tag for a relation written on a card ("mum" -> MOTHER, "aunt" -> AUNT)."""
    rel = regex.sub(r"\s+", " ", relation.strip().casefold())
    return role_table().get(rel) or regex.sub(r"[^\p{L}\p{N} \-]", "", relation.strip()).upper() or "PERSON"


@lru_cache(maxsize=1)
def _relation_patterns() -> tuple["regex.Pattern", "regex.Pattern", "regex.Pattern"]:
    words = sorted(role_table(), key=lambda w: (-len(w), w))
    rel = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)
    rel = rf"(?P<rel>{rel})"
    before = _patterns.compile(
        rf"(?:^|(?<=[^\p{{L}}\-]))(?:{_POSS}\s+)?(?:{_ADJ}\s+){{0,2}}{rel}\s*[,:\-–]?\s*(?:{_TITLE}\s+)?$",
        regex.IGNORECASE,
    )
    # "Maria (mother)", "Maria (his wife)", "Maria - mother"
    paren = _patterns.compile(rf"^\s*(?:\(\s*|[-–]\s*)(?:{_POSS}\s+)?(?:{_ADJ}\s+){{0,2}}{rel}\b", regex.IGNORECASE)
    # "Sam, his son," (a possessive), or "Sam, son," (closed by punctuation)
    comma = _patterns.compile(
        rf"^\s*,\s*(?:(?:{_POSS}\s+)(?:{_ADJ}\s+){{0,2}}{rel}\b|(?:{_ADJ}\s+){{0,2}}{rel}\s*(?=[,.;)\n]))",
        regex.IGNORECASE,
    )
    return before, paren, comma


_DR_BEFORE = _patterns.compile(r"(?:^|\W)(?:dr|doctor)\.?\s+$", regex.IGNORECASE)
_MEMBERS_HEADER = _patterns.compile(
    r"(?im)(?:^[ \t>*#\-]*|(?<=[.;]\s{1,3}))(?:group\s+)?(?:members?\s+present|present|in\s+attendance|attendance|attendees|attending|"
    r"participants|group\s+members|members|clients\s+present)\s*(?:\([^)\n]*\))?\s*[:\-–]"
)
_SENTENCE_END = _patterns.compile(r"(?<!\b\p{Lu})[.;](?=\s|$)")
_SPEAKER = _patterns.compile(r"(?m)^[ \t]*(?:\[?\(?\d{1,2}:\d\d(?::\d\d)?\]?\)?[ \t]*)?$")
_GROUP_WORD = _patterns.compile(r"\b(?:group|groups|members|participants|circle)\b", regex.IGNORECASE)


def relation_near(text: str, start: int, end: int) -> Optional[str]:
    """The role a relation word next to this name gives it, or None."""
    before, paren, comma = _relation_patterns()
    line_start = text.rfind("\n", 0, start) + 1
    left = text[max(line_start, start - 60):start]
    m = before.search(left)
    if m:
        return role_table()[regex.sub(r"\s+", " ", m.group("rel").casefold())]
    right = text[end:end + 60]
    for pat in (paren, comma):
        m = pat.match(right)
        if m:
            return role_table()[regex.sub(r"\s+", " ", m.group("rel").casefold())]
    if _DR_BEFORE.search(text[max(line_start, start - 10):start]):
        # "GP" in the same clause: "her GP Dr X", "Dr X, his GP," (not "Dr X, his GP, and Dr Y")
        left = regex.split(r"[,;.:()\n]", text[max(0, start - 40):start])[-1]
        right = regex.split(r"[;.()\n]|\band\b", text[end:end + 30])[0]
        return "GP" if _GP_NEAR.search(left) or _GP_NEAR.search(right) else "CLINICIAN"
    return None


def members_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of "members present:" style lists: the rest of the header line, or the
    lines under it up to a blank line when the header line ends there."""
    out = []
    for m in _MEMBERS_HEADER.finditer(text):
        eol = text.find("\n", m.end())
        eol = len(text) if eol < 0 else eol
        if text[m.end():eol].strip():
            stop = _SENTENCE_END.search(text, m.end(), eol)  # "...Lucas Feeney. Facilitator: ..."
            out.append((m.end(), stop.start() if stop else eol))
            continue
        end = eol
        for _ in range(30):
            nxt = text.find("\n", end + 1)
            nxt = len(text) if nxt < 0 else nxt
            if end + 1 >= len(text) or not text[end + 1:nxt].strip():
                break
            end = nxt
        out.append((m.end(), end))
    return out


def is_speaker_label(text: str, start: int, end: int) -> bool:
    """Is this mention a speaker label ("Tariq: I felt...", "[00:12] Tariq: ...")?"""
    line_start = text.rfind("\n", 0, start) + 1
    if not _SPEAKER.fullmatch(text, line_start, start) and text[line_start:start].strip():
        return False
    return regex.match(r"[ \t]*:", text[end:end + 3]) is not None


def _key(value: str) -> str:
    v = regex.sub(r"['’]s$", "", value.strip())
    v = regex.sub(rf"^{_TITLE}\s+", "", v, flags=regex.IGNORECASE)
    return " ".join(w.strip(".,").casefold() for w in _NAME_WORD.findall(v))


def person_tags(text: str, persons: Sequence[tuple[int, int, str]], client=None) -> dict[str, str]:
    """Normalised name -> role tag for every PERSON mention ``(start, end, value)``.

    Deterministic: numbering follows the order of first appearance."""
    # 1. one cluster per person: the card says who is who; otherwise a one-word
    #    mention joins the full name that contains it
    owner: dict[str, str] = {}
    for _, _, v in persons:
        k = _key(v)
        if " " in k:
            for w in k.split(" "):
                owner.setdefault(w, k)
    cluster_of: dict[str, str] = {}
    card_role: dict[str, str] = {}
    for _, _, v in persons:
        k = _key(v)
        if not k or k in cluster_of:
            continue
        idx = client.person_of(v) if client is not None else None
        if idx is not None:
            cluster_of[k] = f"card:{idx}"
            if idx == 0:
                card_role[cluster_of[k]] = "CLIENT"
            else:
                rel = client.others[idx - 1][1]
                if rel:
                    card_role[cluster_of[k]] = role_for_relation(rel)
        else:
            cluster_of[k] = owner.get(k, k) if " " not in k else k
    # 2. roles from the text: relation words, titles, then group structure
    blocks = members_blocks(text)
    speakers = {cluster_of[_key(v)] for s, e, v in persons if _key(v) and is_speaker_label(text, s, e)}
    listed = {cluster_of[_key(v)] for s, e, v in persons if _key(v) and any(a <= s < b for a, b in blocks)}
    # a group: three or more people listed as present, or speaking in a note about a group
    # (a couple listed as "Present: A and B" is not one)
    group_doc = len(listed) >= 3 or (len(speakers) >= 3 and _GROUP_WORD.search(text) is not None)
    order: list[str] = []
    text_role: dict[str, str] = {}
    member: set[str] = set()
    for s, e, v in persons:
        k = _key(v)
        if not k:
            continue
        c = cluster_of[k]
        if c not in order:
            order.append(c)
        if c not in text_role:
            r = relation_near(text, s, e)
            if r:
                text_role[c] = r
        if group_doc and (c in listed or c in speakers):
            member.add(c)
    # 3. tags, numbered within a role when the role has several people
    role_of = {c: card_role.get(c) or text_role.get(c) or ("GROUP MEMBER" if c in member else None) for c in order}
    counts: dict[str, int] = {}
    for c in order:
        counts[role_of[c] or ""] = counts.get(role_of[c] or "", 0) + 1
    seen: dict[str, int] = {}
    tag_of: dict[str, str] = {}
    for c in order:
        r = role_of[c]
        seen[r or ""] = seen.get(r or "", 0) + 1
        n = seen[r or ""]
        if r is None:
            tag_of[c] = f"[PERSON_{n}]"
        elif counts[r] > 1 or r == "GROUP MEMBER":
            tag_of[c] = f"[{r} {n}]"
        else:
            tag_of[c] = f"[{r}]"
    return {k: tag_of[c] for k, c in cluster_of.items()}


def person_tag(tags: dict[str, str], value: str) -> str:
    """The tag of a mention; a possessive keeps its "'s" ("[HUSBAND]'s score")."""
    m = regex.search(r"['’]s$", value.strip())
    return tags.get(_key(value), "[PERSON]") + (m.group() if m else "")


# ---- places and organisations ------------------------------------------------
@lru_cache(maxsize=1)
def _kind_tables() -> tuple[dict[str, str], "regex.Pattern", dict[str, str]]:
    name_kind: dict[str, str] = {}
    before_kind: dict[str, str] = {}
    for kind, how, phrase in _read_tsv("place_kinds.tsv"):
        table = name_kind if how.strip() == "name" else before_kind
        table.setdefault(phrase.strip().casefold(), kind.strip().upper())
    alts = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in sorted(before_kind, key=lambda w: (-len(w), w)))
    before = _patterns.compile(rf"\b(?P<cue>{alts})\s+(?:the\s+|a\s+|an\s+)?(?:local\s+)?$", regex.IGNORECASE)
    return name_kind, before, before_kind


_DEFAULT_KIND = {"LOCATION": "TOWN", "STREET_ADDRESS": "ADDRESS", "ORGANIZATION": "ORGANIZATION", "ZIP_CODE": "POSTCODE"}


def place_kind(text: str, start: int, end: int, entity_type: str, client=None) -> str:
    """The kind of a place or organisation: the card (employer, school), a word of the
    name ("... Primary School"), the words before it ("works at ..."), the type."""
    value = text[start:end]
    if client is not None:
        low = value.strip().casefold()
        if any(low == o.strip().casefold() for o in client.schools):
            return "SCHOOL"
        if any(low == o.strip().casefold() for o in client.employers):
            return "WORKPLACE"
    name_kind, before, before_kind = _kind_tables()
    if entity_type == "STREET_ADDRESS" and regex.search(r"\d", value):
        return "ADDRESS"
    words = [w.casefold() for w in regex.findall(r"[\p{L}][\p{L}\-]*", value)]
    for i in range(len(words) - 1, -1, -1):  # the head word is usually the last
        for span in (2, 1):
            phrase = " ".join(words[max(0, i - span + 1):i + 1])
            if len(phrase.split(" ")) == span and phrase in name_kind:
                return name_kind[phrase]
    line_start = text.rfind("\n", 0, start) + 1
    m = before.search(text[max(line_start, start - 40):start])
    if m:
        return before_kind[regex.sub(r"\s+", " ", m.group("cue").casefold())]
    return _DEFAULT_KIND.get(entity_type, entity_type)


def kind_tags(text: str, places: Sequence[tuple[int, int, str, str]], client=None) -> dict[tuple[str, str], str]:
    """(entity type, normalised value) -> kind tag, numbered when a kind has several values."""
    kind_of: dict[str, str] = {}
    order: list[str] = []
    for s, e, et, v in places:
        k = _place_key(v)
        if k not in kind_of:
            kind_of[k] = place_kind(text, s, e, et, client)
            order.append(k)
    counts: dict[str, int] = {}
    for k in order:
        counts[kind_of[k]] = counts.get(kind_of[k], 0) + 1
    seen: dict[str, int] = {}
    out: dict[str, str] = {}
    for k in order:
        kind = kind_of[k]
        seen[kind] = seen.get(kind, 0) + 1
        out[k] = f"[{kind} {seen[kind]}]" if counts[kind] > 1 else f"[{kind}]"
    return out


def _place_key(value: str) -> str:
    v = regex.sub(r"['’]s$", "", value.strip()).casefold()
    v = regex.sub(r"^the\s+", "", v)
    return regex.sub(r"\s+", " ", v)


def place_tag(tags: dict, value: str) -> str:
    return tags.get(_place_key(value), "[PLACE]")
