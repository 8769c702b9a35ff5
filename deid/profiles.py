"""Profiles: declarative YAML files saying which operator applies to each entity type.

Built-in profiles ship in ``deid/profiles/``; a user may pass a path to their own.
A profile file looks like::

    name: my-profile
    threshold: 0.4            # minimum detection score
    default: {operator: tag}  # for every entity type not listed
    entities:
      DATE_TIME: {operator: year}
      AGE: {operator: age}
    allow: ["Beck"]           # terms that are never removed
    recall: high              # optional (deid/safety_net.py): "high" also removes Title-case
                              # words in prose that no list knows and that look like names,
                              # "max" every word not known to be safe; default: normal
    allow_lists: [crisis_lines]   # optional: allow-lists shipped in deid/data/<name>.tsv
    requires_client: true     # optional: refuse to run without a client card
    keep_client: true         # optional: keep the client's own values from the card

Operators are listed in ``deid.operators.OPERATORS``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError
from .entities import ENTITY_TYPES


@dataclass
class Profile:
    name: str
    description: str = ""
    threshold: float = 0.4
    default: dict[str, Any] = field(default_factory=lambda: {"operator": "tag"})
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    allow: list[str] = field(default_factory=list)
    recall: str = "normal"  # "high" / "max": the safety net (deid/safety_net.py)
    requires_client: bool = False  # refuse to scrub without a client card
    keep_client: bool = False      # keep the client's own values (deid.purpose)
    allow_lists: list[str] = field(default_factory=list)  # deid/data/<name>.tsv, merged into allow

    def operator_for(self, entity_type: str) -> dict[str, Any]:
        return self.entities.get(entity_type, self.default)


def builtin_profiles() -> list[str]:
    root = resources.files("deid") / "profiles"
    return sorted(p.name[:-5] for p in root.iterdir() if p.name.endswith(".yaml"))


def _allow_lists(names, where: str) -> list[str]:
    """Terms of the allow-lists a profile names (``deid/data/<name>.tsv``, one a line)."""
    out: list[str] = []
    for n in names or []:
        if not str(n).replace("_", "").isalnum():
            raise ConfigError(f"profile '{where}': allow list names are plain words, like crisis_lines")
        res = resources.files("deid") / "data" / f"{n}.tsv"
        if not res.is_file():
            raise ConfigError(f"profile '{where}': unknown allow list '{n}'")
        out += [l.strip() for l in res.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    return out


def describe_profiles() -> list[tuple[str, str]]:
    """(name, description paragraph) of every built-in profile, for `deid profiles`."""
    out = []
    for name in builtin_profiles():
        raw = yaml.safe_load((resources.files("deid") / "profiles" / f"{name}.yaml").read_text(encoding="utf-8")) or {}
        out.append((name, " ".join(str(raw.get("description", "")).split())))
    return out


def load_profile(name_or_path: str) -> Profile:
    """Load a built-in profile by name or a user profile from a YAML path."""
    from .operators import OPERATORS

    path = Path(name_or_path)
    if name_or_path.endswith((".yaml", ".yml")) or path.exists():
        if not path.is_file():
            raise ConfigError(f"profile file not found: {name_or_path}")
        raw_text = path.read_text(encoding="utf-8")
    else:
        res = resources.files("deid") / "profiles" / f"{name_or_path}.yaml"
        if not res.is_file():
            raise ConfigError(
                f"unknown profile '{name_or_path}' (built-in: {', '.join(builtin_profiles())}; or give a .yaml path)"
            )
        raw_text = res.read_text(encoding="utf-8")
    try:
        raw = yaml.safe_load(raw_text)
    except yaml.YAMLError as e:
        raise ConfigError(f"profile '{name_or_path}' is not valid YAML (line {getattr(getattr(e, 'problem_mark', None), 'line', '?')})") from None
    if not isinstance(raw, dict) or "name" not in raw:
        raise ConfigError(f"profile '{name_or_path}' must be a mapping with at least a 'name'")
    prof = Profile(
        name=str(raw["name"]),
        description=str(raw.get("description", "")),
        threshold=float(raw.get("threshold", 0.4)),
        default=dict(raw.get("default") or {"operator": "tag"}),
        entities={str(k): dict(v) for k, v in (raw.get("entities") or {}).items()},
        allow=[str(a) for a in (raw.get("allow") or [])] + _allow_lists(raw.get("allow_lists"), name_or_path),
        recall=str(raw.get("recall", "normal")),
        requires_client=bool(raw.get("requires_client", False)),
        keep_client=bool(raw.get("keep_client", False)),
        allow_lists=[str(n) for n in (raw.get("allow_lists") or [])],
    )
    if prof.recall not in ("normal", "high", "max"):
        raise ConfigError(f"profile '{prof.name}': recall must be 'normal', 'high' or 'max'")
    for ent, spec in [("default", prof.default), *prof.entities.items()]:
        if ent != "default" and ent not in ENTITY_TYPES:
            raise ConfigError(f"profile '{prof.name}': unknown entity type '{ent}'")
        op = spec.get("operator")
        if op not in OPERATORS:
            raise ConfigError(f"profile '{prof.name}': unknown operator '{op}' for {ent} (known: {', '.join(sorted(OPERATORS))})")
    return prof
