"""The local HTTP service behind `deid serve` and the review page (DESIGN.md section 1).

Endpoints (JSON in, JSON out, the CLI's JSONL shapes):

* ``GET /health``, ``GET /v1/profiles``;
* ``POST /v1/scrub``, ``POST /v1/detect``, ``POST /v1/restore``: ``{"id"?, "text",
  "profile"?}``; scrub and detect also take ``"client"`` (a client card, as YAML/JSON
  text or an object), ``"keep"``/``"remove"`` (the reviewer's corrections: spans of
  ``text`` or ``{"text": ...}`` values, applied to every occurrence), ``"explain"`` and,
  for scrub, ``"entities"`` (also return the findings after the corrections);
* ``POST /v1/document/text`` and ``POST /v1/document/scrub``: a file (.docx, .vtt,
  .srt...) as base64, read and written through ``deid.formats``;
* ``GET /``: the review page (``static/``).

Privacy rules the code keeps: no value or text is ever written to a log or put in an
error message (errors say what is wrong with the request, never what it contained;
FastAPI's validation handler, which echoes the input, is replaced); responses never
carry a detected value (the page has the text already and slices it itself); nothing is
kept between requests except the loaded engines (and the vault, when the ``ai`` profile
writes to it). A bearer token guards ``/v1/*`` when one is configured, and requests
whose ``Host`` is not a loopback name are refused when bound to loopback (so a web page
cannot reach the service through DNS rebinding); ``/v1`` POSTs must be
``application/json``, which a cross-site form cannot send without a CORS preflight that
this service never grants.

Concurrency: FastAPI runs the engine calls in its thread pool. A ``Deidentifier`` is not
documented as thread-safe (spaCy pipelines are not guaranteed to be, and the ``ai``
profile writes its vault), so each engine has a lock and serves one request at a
time; detection is CPU-bound Python under the GIL, so running it in parallel threads
would not be faster anyway. Different profiles' engines run side by side.
"""
from __future__ import annotations

import base64
import binascii
import copy
import hmac
import ipaddress
import json
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

import regex
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.staticfiles import StaticFiles

from ..errors import ConfigError, DeidError, InputError
from ..findings import Finding, merge_overlaps

log = logging.getLogger("deid.service")

STATIC = Path(__file__).parent / "static"
DEFAULT_MAX_BYTES = int(os.environ.get("DEID_SERVE_MAX_BYTES", 10 * 1024 * 1024))
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}
REVIEWER = "Reviewer"  # the recognizer name of spans the user marked on the page
_KNOWN_PATHS = {"/", "/health", "/v1/profiles", "/v1/scrub", "/v1/detect", "/v1/restore",
                "/v1/document/text", "/v1/document/scrub"}
_SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                 b"connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


class ApiError(Exception):
    """A request the service refuses: HTTP status and a message without any request text."""

    def __init__(self, status: int, message: str, rid: Any = None) -> None:
        super().__init__(message)
        self.status, self.message, self.rid = status, message, rid


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def uses_surrogates(profile) -> bool:
    """Does the profile write realistic surrogates (the ``ai`` profile: pairs go to a vault)?"""
    return any(spec.get("operator") == "surrogate" for spec in [profile.default, *profile.entities.values()])


def check_bind(host: str, token: Optional[str]) -> None:
    """Refuse to listen beyond this computer without a token (the service handles PHI)."""
    if not is_loopback(host) and not token:
        raise ConfigError(f"refusing to listen on {host} without a token: give --token-file, or use 127.0.0.1")


# ------------------------------------------------------------------ engines
@dataclass
class _Slot:
    engine: Any
    lock: threading.Lock


@dataclass
class EngineCache:
    """One engine per profile, created on first use and kept; one lock per engine."""

    default_profile: str = "safe-harbor"
    model: str = "builtin"
    vault: Any = None
    client_id: Optional[str] = None
    factory: Optional[Callable[..., Any]] = None
    _slots: dict = field(default_factory=dict)
    _profiles: dict = field(default_factory=dict)
    _create_lock: threading.Lock = field(default_factory=threading.Lock)
    _vault_lock: threading.Lock = field(default_factory=threading.Lock)
    default_name: str = ""

    def __post_init__(self) -> None:
        from ..profiles import load_profile

        # a path given at start-up is loaded once here; requests name profiles only
        self._default = load_profile(self.default_profile)
        self.default_name = self._default.name

    def names(self) -> list[str]:
        from ..profiles import builtin_profiles

        return sorted(set(builtin_profiles()) | {self.default_name})

    def profile(self, name: str):
        from ..profiles import load_profile

        if name == self.default_name:
            return self._default
        if name not in self._profiles:
            self._profiles[name] = load_profile(name)
        return self._profiles[name]

    def describe(self) -> list[dict[str, Any]]:
        out = []
        for n in self.names():
            try:
                p = self.profile(n)
            except DeidError:
                continue
            sur = uses_surrogates(p)
            out.append({"name": n, "description": " ".join(p.description.split()),
                        "needs_client": bool(getattr(p, "requires_client", False)),
                        "surrogates": sur, "available": not sur or self.vault is not None})
        return out

    def resolve(self, name: Optional[str]) -> str:
        if name is None:
            return self.default_name
        if not isinstance(name, str) or name not in self.names():
            # the name is not echoed: only built-in names (and the server's own) are accepted
            raise ApiError(400, f"unknown profile (known: {', '.join(self.names())})")
        return name

    def get(self, name: str) -> _Slot:
        slot = self._slots.get(name)
        if slot is not None:
            return slot
        with self._create_lock:
            slot = self._slots.get(name)
            if slot is None:
                slot = self._create(name)
                self._slots[name] = slot
        return slot

    def _create(self, name: str) -> _Slot:
        from ..engine import Deidentifier

        factory = self.factory or Deidentifier
        profile = self.profile(name)
        kwargs: dict[str, Any] = {}
        if getattr(profile, "requires_client", False):
            # the card comes with each request (checked in ``for_request``); an empty
            # card lets the engine load once for every client
            from ..client_card import ClientCard

            kwargs["client"] = ClientCard()
        if uses_surrogates(profile):
            if self.vault is None:
                raise ApiError(400, f"the {name} profile needs a vault: start deid serve with --vault VAULT")
            # every engine that touches the vault shares one lock
            return _Slot(factory(profile=profile, model=self.model, **kwargs), self._vault_lock)
        return _Slot(factory(profile=profile, model=self.model, **kwargs), threading.Lock())

    def for_request(self, name: str, slot: _Slot, card: Any, client_id: Optional[str], rid: Any) -> Any:
        """The engine for one request: the loaded one, or a cheap copy of it that knows the
        request's client card, client id and the vault (the model is shared, not reloaded)."""
        profile = self.profile(name)
        if getattr(profile, "requires_client", False) and card is None:
            raise ApiError(400, f"the {name} profile needs a client card: send it as 'client'", rid)
        vault = None
        if uses_surrogates(profile):
            vault = self.vault
            client_id = client_id or self.client_id
            if not client_id and card is None:
                raise ApiError(400, f"the {name} profile needs 'client_id' or a client card: whose document is this?", rid)
        if card is None and client_id is None and vault is None:
            return slot.engine
        if hasattr(slot.engine, "for_client"):
            return slot.engine.for_client(client_id=client_id, vault=vault, client=card)
        e2 = copy.copy(slot.engine)
        e2.client, e2.client_id, e2.vault = card if card is not None else getattr(e2, "client", None), client_id, vault
        return e2

    def loaded(self) -> list[str]:
        return sorted(self._slots)


# ------------------------------------------------------------------ reviewer corrections
def _occurrences(text: str, value: str) -> list[tuple[int, int]]:
    """Every occurrence of ``value`` in ``text``: any case, any run of spaces, not inside a longer word."""
    parts = value.split()
    if not parts:
        return []
    pat = regex.compile(r"(?<![\p{L}\p{N}])" + r"\s+".join(regex.escape(p) for p in parts) + r"(?![\p{L}\p{N}])",
                        regex.IGNORECASE)
    return [(m.start(), m.end()) for m in pat.finditer(text)]


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


_ALNUM = regex.compile(r"[\p{L}\p{N}]")


@dataclass
class Corrections:
    """The reviewer's marks, as values: they apply to every occurrence in a document."""

    keep: list[str] = field(default_factory=list)
    remove: list[tuple[str, str]] = field(default_factory=list)  # (value, entity_type)

    def __bool__(self) -> bool:
        return bool(self.keep or self.remove)

    def apply(self, text: str, findings: list[Finding]) -> tuple[list[Finding], list[tuple[int, int]]]:
        """(findings after the marks, the parts of detected findings the reviewer kept).

        A kept value is cut out of every finding it overlaps (the rest of "Jordan Reyes"
        stays removed when only "Jordan" is kept); a marked value is added wherever it
        occurs, with the chosen type; a mark wins over a keep."""
        keep = _union([sp for v in self.keep for sp in _occurrences(text, v)])
        out: list[Finding] = []
        kept: list[tuple[int, int]] = []
        for f in findings:
            pieces = [(f.start, f.end)]
            for ks, ke in keep:
                nxt = []
                for s, e in pieces:
                    if ke <= s or ks >= e:
                        nxt.append((s, e))
                        continue
                    kept.append((max(s, ks), min(e, ke)))
                    nxt.extend(p for p in ((s, ks), (ke, e)) if p[1] > p[0])
                pieces = nxt
            for s, e in pieces:
                if (s, e) == (f.start, f.end):
                    out.append(f)
                elif _ALNUM.search(text, s, e):
                    out.append(Finding(s, e, f.entity_type, f.score, f.recognizer, pattern=f.pattern,
                                       context_words=list(f.context_words)))
        for value, et in self.remove:
            for s, e in _occurrences(text, value):
                out.append(Finding(s, e, et, 1.0, REVIEWER, pattern="marked on the review page"))
        out = merge_overlaps(out)
        for f in out:
            f.value = text[f.start:f.end]
        return out, _union(kept)


def with_corrections(engine: Any, corrections: Corrections) -> Any:
    """A shallow copy of ``engine`` whose detection applies ``corrections``.

    The copy shares the loaded model; only ``detect_many`` (through which detect, scrub
    and scrub_many all go) differs, so any code that drives an engine
    (``deid.formats.scrub_document``, its windows over long texts) honours the
    reviewer's marks: they are values, so they apply wherever detection runs."""
    if not corrections:
        return engine
    e2 = copy.copy(engine)
    base = engine.detect_many

    def detect_many(texts, client=None, batch_size: int = 32):
        texts = list(texts)
        kw = {"client": client} if client is not None else {}
        for t, fs in zip(texts, base(texts, batch_size=batch_size, **kw)):
            yield corrections.apply(t, fs)[0]

    e2.detect_many = detect_many
    return e2


# ------------------------------------------------------------------ request parsing
def _safe_id(obj: Any) -> Any:
    v = obj.get("id") if isinstance(obj, dict) else None
    return v if isinstance(v, (str, int, float, bool)) or v is None else None


def _text(obj: dict, rid: Any) -> str:
    if "text" not in obj:
        raise ApiError(400, "the request has no 'text' field", rid)
    if not isinstance(obj["text"], str):
        raise ApiError(400, "'text' must be a string", rid)
    return obj["text"]


def _bool(obj: dict, key: str, rid: Any) -> bool:
    v = obj.get(key, False)
    if not isinstance(v, bool):
        raise ApiError(400, f"'{key}' must be true or false", rid)
    return v


def _client(obj: dict, rid: Any):
    raw = obj.get("client")
    if raw is None:
        return None
    from ..client_card import ClientCard

    if isinstance(raw, str):
        import yaml

        try:  # a .json card (which may be indented with tabs, unlike YAML), else YAML
            raw = json.loads(raw) if raw.lstrip().startswith("{") else yaml.safe_load(raw)
        except (json.JSONDecodeError, yaml.YAMLError):  # their messages quote the card: not echoed
            try:
                raw = yaml.safe_load(raw)
            except yaml.YAMLError:
                raise ApiError(400, "'client' is not valid YAML or JSON", rid) from None
    if not isinstance(raw, dict):
        raise ApiError(400, "'client' must be a client card: a mapping of fields (name, dob, phones...)", rid)
    try:
        return ClientCard.from_dict(raw, source="client card")
    except ConfigError as e:  # its list of unknown fields would echo the request's keys
        msg = str(e) if "unknown field" not in str(e) else (
            "client card: unknown field(s); known: " + str(e).rsplit("(known: ", 1)[-1].rstrip(")"))
        raise ApiError(400, msg, rid) from None


def _corrections(obj: dict, text: str, rid: Any) -> Corrections:
    from ..entities import ENTITY_TYPES

    c = Corrections()
    for key in ("keep", "remove"):
        items = obj.get(key) or []
        if not isinstance(items, list):
            raise ApiError(400, f"'{key}' must be a list", rid)
        for n, it in enumerate(items):
            where = f"'{key}' item {n + 1}"
            if not isinstance(it, dict):
                raise ApiError(400, f"{where} must be an object", rid)
            if "text" in it:
                value = it["text"]
                if not isinstance(value, str) or not value.strip():
                    raise ApiError(400, f"{where}: 'text' must be a non-empty string", rid)
            else:
                s, e = it.get("start"), it.get("end")
                if not (type(s) is int and type(e) is int and 0 <= s < e <= len(text)):
                    raise ApiError(400, f"{where} needs 'text', or integer 'start' < 'end' within the text", rid)
                value = text[s:e]
                if not value.strip():
                    raise ApiError(400, f"{where} covers only spaces", rid)
            if key == "keep":
                c.keep.append(value)
            else:
                et = it.get("entity_type")
                if et not in ENTITY_TYPES:
                    raise ApiError(400, f"{where}: 'entity_type' must be one of the entity types (GET /v1/profiles lists them)", rid)
                c.remove.append((value, et))
    return c


def _entity(f: Finding, explain: bool, changes: Optional[bool]) -> dict[str, Any]:
    d = f.as_dict()
    if explain:  # never the value: the page slices its own copy of the text
        d["pattern"] = f.pattern
        d["context"] = list(f.context_words)
        if changes is not None:
            d["changes"] = changes
    return d


def _decode_file(obj: dict, rid: Any) -> tuple[bytes, str]:
    name = obj.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 255:
        raise ApiError(400, "'name' must be the file's name (its extension says the format)", rid)
    data = obj.get("data")
    if not isinstance(data, str):
        raise ApiError(400, "'data' must be the file's bytes in base64", rid)
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise ApiError(400, "'data' is not valid base64", rid) from None
    return raw, Path(name).name


def _formats():
    try:
        from .. import formats
    except ImportError:  # pragma: no cover
        formats = None
    if formats is None or not hasattr(formats, "read_document"):
        raise ApiError(501, "documents are not available in this build (deid.formats has no read_document)")
    return formats


def _joined(doc) -> str:
    """The document's segments as one text, as the page shows it (and its marks' offsets refer to)."""
    if hasattr(doc, "joined"):
        return doc.joined()[0]
    return "\n\n".join(doc.texts)


# ------------------------------------------------------------------ the app
def create_app(
    profile: str = "safe-harbor",
    vault: Any = None,
    token: Optional[str] = None,
    *,
    model: str = "builtin",
    client_id: Optional[str] = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allowed_hosts: Optional[list[str]] = None,
    engine_factory: Optional[Callable[..., Any]] = None,
) -> FastAPI:
    """The FastAPI app. ``allowed_hosts``: Host names accepted (default: loopback names
    only; ``["*"]`` for any, e.g. behind a token on a LAN address)."""
    engines = EngineCache(default_profile=profile, model=model, vault=vault, client_id=client_id, factory=engine_factory)
    hosts = {h.lower() for h in (allowed_hosts if allowed_hosts is not None else LOOPBACK_NAMES)}
    app = FastAPI(title="deid", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.engines = engines
    app.state.vault = vault
    app.state.max_bytes = max_bytes

    # ---- errors: one line, never the request's text
    def err(status: int, message: str, rid: Any = None, headers: Optional[dict] = None) -> JSONResponse:
        return JSONResponse({"id": rid, "error": message}, status_code=status, headers=headers)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return err(exc.status, exc.message, exc.rid)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):  # FastAPI's default echoes the input
        where = sorted({".".join(str(p) for p in e.get("loc", ())) for e in exc.errors()})
        return err(422, f"invalid request ({', '.join(where)})")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        msg = {404: "not found", 405: "method not allowed"}.get(exc.status_code, "request refused")
        return err(exc.status_code, msg, headers=getattr(exc, "headers", None))

    # ---- the guard around every request: host, token, logging, last-resort errors
    @app.middleware("http")
    async def guard(request: Request, call_next):
        t0 = time.perf_counter()
        path = request.url.path
        shown = path if path in _KNOWN_PATHS or path.startswith("/static/") and len(path) < 80 else "(other path)"
        try:
            host = (request.headers.get("host") or "").lower()
            hostname = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if "*" not in hosts and hostname not in hosts:
                response = err(400, "this service answers only on its loopback address (Host header refused)")
            elif token and path.startswith("/v1/") and not _authorised(request, token):
                response = err(401, "a bearer token is required (Authorization: Bearer <token>)",
                               headers={"WWW-Authenticate": "Bearer"})
            else:
                response = await call_next(request)
        except Exception as e:  # noqa: BLE001 - fail closed: no traceback, no message (may hold PHI)
            log.error("%s %s failed: internal error (%s)", request.method, shown, type(e).__name__)
            response = err(500, f"internal error ({type(e).__name__}); nothing was produced for this request")
        for k, v in _SECURITY_HEADERS:
            response.headers.setdefault(k.decode(), v.decode())
        log.info("%s %s %d %.0fms", request.method, shown, response.status_code, (time.perf_counter() - t0) * 1000)
        return response

    async def body(request: Request) -> dict:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            raise ApiError(415, "send a JSON object with Content-Type: application/json")
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > max_bytes:
            raise ApiError(413, f"request body is larger than the {max_bytes} byte limit")
        buf = bytearray()
        async for chunk in request.stream():
            buf += chunk
            if len(buf) > max_bytes:
                raise ApiError(413, f"request body is larger than the {max_bytes} byte limit")
        try:
            obj = json.loads(bytes(buf).decode("utf-8"))
        except UnicodeDecodeError:
            raise ApiError(400, "request body is not UTF-8") from None
        except json.JSONDecodeError as e:  # e.msg names the problem, not the text
            raise ApiError(400, f"request body is not valid JSON ({e.msg} at line {e.lineno} column {e.colno})") from None
        except RecursionError:
            raise ApiError(400, "request body is nested too deeply") from None
        if not isinstance(obj, dict):
            raise ApiError(400, "request body must be a JSON object")
        return obj

    async def run(slot: _Slot, fn: Callable[[], Any], rid: Any, file_name: Optional[str] = None) -> Any:
        def locked():
            with slot.lock:
                return fn()

        def msg(e: Exception) -> str:  # a file's name may hold a client's name: not echoed
            return str(e).replace(file_name, "the file") if file_name else str(e)

        try:
            return await run_in_threadpool(locked)
        except ApiError:
            raise
        except InputError as e:
            raise ApiError(400, msg(e), rid) from None
        except DeidError as e:
            raise ApiError(400 if e.exit_code == 2 else 500, msg(e), rid) from None
        except Exception as e:  # noqa: BLE001 - the exception's message may quote the text
            log.error("engine failed: internal error (%s)", type(e).__name__)
            raise ApiError(500, f"internal error ({type(e).__name__}); nothing was produced for this request", rid) from None

    async def engine_for(obj: dict, rid: Any, card: Any) -> tuple[Any, _Slot]:
        """(the engine for this request, the slot whose lock it must hold)."""
        name = engines.resolve(obj.get("profile"))
        cid = obj.get("client_id")
        if cid is not None and (not isinstance(cid, str) or not cid.strip() or len(cid) > 200):
            raise ApiError(400, "'client_id' must be a short string", rid)
        try:
            slot = await run_in_threadpool(engines.get, name)
        except (ApiError, DeidError) as e:
            if isinstance(e, ApiError):
                raise
            raise ApiError(400, str(e), rid) from None
        except Exception as e:  # noqa: BLE001
            log.error("could not load a profile's engine: %s", type(e).__name__)
            raise ApiError(500, f"could not load the engine ({type(e).__name__})", rid) from None
        return engines.for_request(name, slot, card, cid, rid), slot

    def review(engine, text: str, corr: Corrections, explain: bool, want_text: bool):
        findings = engine.detect(text)
        kept: list[tuple[int, int]] = []
        if corr:
            findings, kept = corr.apply(text, findings)
        ents = []
        for f in findings:
            changes = None
            if explain:
                try:
                    changes = bool(engine.changes(f))
                except Exception:  # noqa: BLE001 - informative only
                    changes = None
            ents.append(_entity(f, explain, changes))
        out = engine.apply(text, findings) if want_text else None
        return out, ents, kept

    # ---- endpoints
    @app.get("/health")
    async def health():
        return {"status": "ok", "version": _version(), "profiles_loaded": engines.loaded(),
                "default_profile": engines.default_name, "vault": vault is not None, "token_required": bool(token)}

    @app.get("/v1/profiles")
    async def profiles():
        from ..entities import ENTITY_TYPES

        return {"default": engines.default_name, "profiles": await run_in_threadpool(engines.describe),
                "entity_types": ENTITY_TYPES, "documents": _document_exts()}

    @app.post("/v1/scrub")
    async def scrub(request: Request):
        obj = await body(request)
        rid = _safe_id(obj)
        text = _text(obj, rid)
        card, corr = _client(obj, rid), _corrections(obj, text, rid)
        explain, want_entities = _bool(obj, "explain", rid), _bool(obj, "entities", rid)
        eng, slot = await engine_for(obj, rid, card)
        if not corr and not want_entities:
            out = await run(slot, lambda: eng.scrub(text).text, rid)
            return {"id": obj.get("id"), "text": out}
        out, ents, kept = await run(slot, lambda: review(eng, text, corr, explain, True), rid)
        res: dict[str, Any] = {"id": obj.get("id"), "text": out}
        if want_entities:
            res["entities"] = ents
            res["kept"] = [{"start": s, "end": e} for s, e in kept]
        return res

    @app.post("/v1/detect")
    async def detect(request: Request):
        obj = await body(request)
        rid = _safe_id(obj)
        text = _text(obj, rid)
        card, corr = _client(obj, rid), _corrections(obj, text, rid)
        explain = _bool(obj, "explain", rid)
        eng, slot = await engine_for(obj, rid, card)
        _, ents, kept = await run(slot, lambda: review(eng, text, corr, explain, False), rid)
        res: dict[str, Any] = {"id": obj.get("id"), "entities": ents}
        if corr:
            res["kept"] = [{"start": s, "end": e} for s, e in kept]
        return res

    @app.post("/v1/restore")
    async def restore(request: Request):
        obj = await body(request)
        rid = _safe_id(obj)
        text = _text(obj, rid)
        if vault is None:
            raise ApiError(400, "restore needs a vault: start deid serve with --vault VAULT", rid)
        cid = obj.get("client_id", client_id)
        if cid is not None and (not isinstance(cid, str) or not cid.strip() or len(cid) > 200):
            raise ApiError(400, "'client_id' must be a short string", rid)
        name = next((p["name"] for p in engines.describe() if p["surrogates"]), None)
        if name is None:
            raise ApiError(501, "restore is not available in this build (no profile with surrogates)", rid)
        slot = await run_in_threadpool(engines.get, name)
        eng = slot.engine.for_client(client_id=cid, vault=vault) if hasattr(slot.engine, "for_client") else slot.engine
        if not hasattr(eng, "restore"):
            raise ApiError(501, "restore is not available in this build", rid)
        r = await run(slot, lambda: eng.restore(text), rid)
        return {"id": obj.get("id"), "text": r.text, "restored": int(getattr(r, "restored", 0)),
                "unmatched": dict(getattr(r, "unmatched", {}) or {})}

    @app.post("/v1/document/text")
    async def document_text(request: Request):
        obj = await body(request)
        rid = _safe_id(obj)
        fmts = _formats()
        data, name = _decode_file(obj, rid)

        def read():
            doc = fmts.read_document(data, name)
            return {"id": obj.get("id"), "name": name, "text": _joined(doc), "segments": len(doc.texts)}

        return await run(_Slot(None, threading.Lock()), read, rid, file_name=name)

    @app.post("/v1/document/scrub")
    async def document_scrub(request: Request):
        obj = await body(request)
        rid = _safe_id(obj)
        fmts = _formats()
        data, name = _decode_file(obj, rid)
        card = _client(obj, rid)
        eng, slot = await engine_for(obj, rid, card)

        def go():
            joined = _joined(fmts.read_document(data, name))
            corr = _corrections(obj, joined, rid)  # offsets of marks refer to the text /v1/document/text gave
            return fmts.scrub_document(with_corrections(eng, corr), data, name)

        out = await run(slot, go, rid, file_name=name)
        p = Path(name)
        fname = f"{p.stem}.deid{p.suffix}"
        return Response(out, media_type="application/octet-stream",
                        headers={"Content-Disposition": f"attachment; filename=\"{_ascii_name(fname)}\""})

    # ---- the review page
    @app.get("/", include_in_schema=False)
    async def index():
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    return app


def _authorised(request: Request, token: str) -> bool:
    got = request.headers.get("authorization", "")
    scheme, _, value = got.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), token.encode())


def _ascii_name(name: str) -> str:
    return regex.sub(r"[^A-Za-z0-9._-]", "_", name)[:120] or "document"


def _document_exts() -> list[str]:
    try:
        from ..formats import FORMATS, read_document  # noqa: F401
    except ImportError:
        return []
    return sorted(FORMATS)


def _version() -> str:
    from .. import __version__

    return __version__


def read_token_file(path: str) -> str:
    """The token: the file's first line, at least 16 characters (a guessable token guards nothing)."""
    try:
        tok = Path(path).read_text(encoding="utf-8").strip().splitlines()[0].strip() if Path(path).is_file() else None
    except (OSError, UnicodeDecodeError, IndexError):
        tok = None
    if tok is None:
        raise ConfigError(f"token file {path}: not found or not readable text")
    if len(tok) < 16:
        raise ConfigError(f"token file {path}: the token must be at least 16 characters")
    return tok
