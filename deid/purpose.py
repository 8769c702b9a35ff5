"""Per-document plans for the purpose profiles (supervision, referral).

Presidio's custom operators see one value at a time, but a role tag, a relative date
or "is this the client's own phone number?" depend on the whole document and the
client card.  :class:`DocumentPlan` works these out once per document, up front,
as value -> replacement maps (``deid.roles``, ``deid.relative_dates``); the operators
in ``deid.operators`` only look them up.

Operators defined here (profile YAML ``operator:`` names):

==============  ==============================================================
role            people -> role tags: ``[CLIENT]``, ``[WIFE]``, ``[GROUP MEMBER 2]``,
                ``[GP]``; ``[PERSON_n]`` where no role is known (``deid.roles``)
relative_date   dates -> ``[week 3 of treatment]``, ``[about 2 months before
                intake]``; month and year where there is no anchor; dates of
                birth -> ``[DATE OF BIRTH]``
keep_date       dates kept as written, except dates of birth (``[DATE OF BIRTH]``)
                and birth years of people 90 or older
kind            places and organisations -> their kind: ``[TOWN]``, ``[SCHOOL]``,
                ``[WORKPLACE]``, ``[SERVICE]``, ``[ADDRESS]`` (numbered when several)
generalize      quasi-identifiers -> a flag naming what was removed
                (``[RARE ROLE]``, ``[EVENT IN THE NEWS]``), from the recognizer's
                pattern through the spec's ``kinds:`` map
==============  ==============================================================

A profile with ``keep_client: true`` keeps every value that the client card says is
the client's own (name and its variants, date of birth, address, phones, e-mails,
ids); ``requires_client: true`` refuses to run without a card.
"""
from __future__ import annotations

import datetime as _dt
from functools import cached_property
from typing import Callable, Optional

from presidio_anonymizer.entities import OperatorConfig

PLAN_OPERATORS = {"role", "relative_date", "keep_date", "kind", "generalize"}
_PLACE_TYPES = ("LOCATION", "STREET_ADDRESS", "ORGANIZATION", "ZIP_CODE")


class DocumentPlan:
    """Replacements for one document, computed lazily (only what the profile uses)."""

    def __init__(self, findings, text: str, client=None, today: Optional[_dt.date] = None) -> None:
        self.findings = list(findings)
        self.text = text
        self.client = client
        self.today = today or _dt.date.today()

    def _mentions(self, *types: str) -> list[tuple[int, int, str]]:
        return [(f.start, f.end, self.text[f.start:f.end] if self.text else f.value)
                for f in self.findings if f.entity_type in types]

    @cached_property
    def old_birth_values(self) -> frozenset[str]:
        """Birth dates and years that show an age of 90 or more (Safe Harbor removes them)."""
        from .relative_dates import reveals_90_plus

        return frozenset(v for s, _, v in self._mentions("DATE_TIME") if reveals_90_plus(self.text, s, v, self.today))

    @cached_property
    def listed_as_people(self) -> frozenset[str]:
        """Places and organisations inside a "members present:" list: people a
        recognizer typed wrongly ("Marguerite Dellacroix" as a town)."""
        from .roles import members_blocks

        blocks = members_blocks(self.text) if self.text else []
        return frozenset(self.text[f.start:f.end] for f in self.findings if f.entity_type in _PLACE_TYPES
                         and any(a <= f.start < b for a, b in blocks))

    @cached_property
    def person_tags(self) -> dict[str, str]:
        from .roles import person_tags

        persons = sorted(self._mentions("PERSON") + [m for m in self._mentions(*_PLACE_TYPES) if m[2] in self.listed_as_people])
        return person_tags(self.text, persons, self.client)

    @cached_property
    def relative_dates(self) -> dict[str, str]:
        from .relative_dates import date_replacements

        return date_replacements(self.text, self._mentions("DATE_TIME"), self.today, self.client, relative=True)

    @cached_property
    def kept_dates(self) -> dict[str, str]:
        from .relative_dates import date_replacements

        return date_replacements(self.text, self._mentions("DATE_TIME"), self.today, self.client, relative=False)

    @cached_property
    def kind_tags(self) -> dict:
        from .roles import kind_tags

        places = [(f.start, f.end, f.entity_type, self.text[f.start:f.end] if self.text else f.value)
                  for f in self.findings if f.entity_type in _PLACE_TYPES]
        return kind_tags(self.text, places, self.client)

    @cached_property
    def patterns(self) -> dict[str, Optional[str]]:
        """Value -> the recognizer pattern that found it (first mention wins)."""
        out: dict[str, Optional[str]] = {}
        for f in self.findings:
            out.setdefault(self.text[f.start:f.end] if self.text else f.value, f.pattern)
        return out


def plan_operator(op: str, spec: dict, et: str, plan: Optional[DocumentPlan], tag: Callable[[str], str]) -> Callable[[str], str]:
    """The replacement function of a plan operator (``tag`` where no plan is at hand,
    e.g. when the evaluator asks whether an operator would change a value)."""
    from .roles import person_tag, place_tag

    if plan is None:
        return tag
    if op == "role":
        return lambda v: person_tag(plan.person_tags, v)
    if op == "relative_date":
        return lambda v: plan.relative_dates.get(v, "[DATE]")
    if op == "keep_date":
        return lambda v: plan.kept_dates.get(v, "[DATE]")
    if op == "kind":
        return lambda v: person_tag(plan.person_tags, v) if v in plan.listed_as_people else place_tag(plan.kind_tags, v)
    if op == "generalize":
        kinds = {str(k): str(t) for k, t in (spec.get("kinds") or {}).items()}
        default = str(spec.get("default", et.replace("_", " ")))
        return lambda v: f"[{kinds.get(plan.patterns.get(v) or '', default)}]"
    raise ValueError(f"unknown operator {op}")


def keep_kept_values(cfg: OperatorConfig, et: str, profile, plan: Optional[DocumentPlan]) -> OperatorConfig:
    """Wrap an operator so that the client's own values pass unchanged
    (``keep_client: true``, per the card).  Public crisis lines and scale names
    (``allow_lists``) are dropped earlier, at detection (``deid.engine``), for every
    profile; they are not re-checked here, where only values are seen (a name "Bai"
    must not pass because the scale "BAI" is allowed)."""
    keep_client = getattr(profile, "keep_client", False) and plan is not None and plan.client is not None
    if not keep_client or cfg.operator_name == "keep":
        return cfg
    name, params = cfg.operator_name, cfg.params
    if name == "custom":
        inner = params["lambda"]
    elif name == "replace":
        inner = lambda v, nv=params.get("new_value", ""): nv  # noqa: E731
    elif name == "redact":
        inner = lambda v: ""  # noqa: E731
    else:  # an operator this wrapper does not know: apply it as it is (fail closed)
        return cfg

    def fn(v: str) -> str:
        if plan.client.owns(et, v):
            return v
        return inner(v)

    return OperatorConfig("custom", {"lambda": fn})


def missing_client_message(profile) -> str:
    why = ("it keeps the client's own identity and removes everyone else's" if getattr(profile, "keep_client", False)
           else "it needs to know who the client is")
    return f"the {profile.name} profile needs --client CARD: {why}"
