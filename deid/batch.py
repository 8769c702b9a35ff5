"""Batch cleaning of a folder: walk, scrub each file in its own format, manifest, resume.

Every input file gets a scrubbed twin at the same relative path under the output
folder, written atomically (a hidden temporary file in the same folder, then
``os.replace``), so an interrupted run never leaves half a file.  The manifest
``deid-manifest.jsonl`` in the output folder gets one JSON line per file as it finishes
(path, input and output SHA-256, counts per entity type, profile, status); a rerun
skips every file whose last record is done with the same input hash and profile and
whose output is still there unchanged.  Worker processes each load the engine once.
Nothing here prints or records text: paths, counts, hashes and reasons only.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Sequence

from .errors import ConfigError, DeidError, InputError

MANIFEST = "deid-manifest.jsonl"
_PART = ".deid-"   # temporary outputs: ".<name>.deid-XXXX.part"


@dataclass
class Summary:
    total: int = 0
    scrubbed: int = 0
    skipped: int = 0
    failed: int = 0
    interrupted: bool = False
    failures: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        return f"deid: {self.total} files: {self.scrubbed} scrubbed, {self.skipped} skipped (already done), {self.failed} failed"


def check_dirs(in_dir: str, out_dir: str) -> tuple[Path, Path]:
    src, dst = Path(in_dir).resolve(), Path(out_dir).resolve()
    if not src.is_dir():
        raise ConfigError(f"{in_dir}: not a folder")
    if dst == src or src in dst.parents:
        raise ConfigError(f"{out_dir}: the output folder must be outside the input folder")
    if dst in src.parents:
        raise ConfigError(f"{out_dir}: the output folder must not contain the input folder")
    if dst.exists() and not dst.is_dir():
        raise ConfigError(f"{out_dir}: exists and is not a folder")
    return src, dst


def walk(root: Path) -> Iterator[str]:
    """Relative paths of the files to clean, sorted; hidden names and links that lead
    out of the tree are left out (and links are never followed into folders)."""
    for d, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(x for x in dirs if not x.startswith(".") and not os.path.islink(os.path.join(d, x)))
        for f in sorted(files):
            if f.startswith("."):
                continue
            p = os.path.join(d, f)
            if os.path.islink(p):
                real = Path(os.path.realpath(p))
                if root not in real.parents or not real.is_file():
                    continue
            elif not os.path.isfile(p):
                continue
            yield os.path.relpath(p, root)


def sha256_file(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_manifest(path: Path) -> dict[str, dict]:
    """The last record of each path (a torn last line after a crash is ignored)."""
    out: dict[str, dict] = {}
    if not path.exists():
        return out
    with open(path, "rb") as fh:
        for raw in fh:
            try:
                rec = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                continue
            if isinstance(rec, dict) and isinstance(rec.get("path"), str):
                out[rec["path"]] = rec
    return out


class Manifest:
    """Append-only JSON lines, one whole line per write, flushed to disk as files finish."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def write(self, rec: dict) -> None:
        os.write(self.fd, (json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
        os.fsync(self.fd)

    def close(self) -> None:
        os.close(self.fd)


def _remove_stale_parts(out_dir: Path) -> None:
    """Temporary files of a run that was killed (SIGKILL leaves no chance to clean up)."""
    for d, _, files in os.walk(out_dir):
        for f in files:
            if f.startswith(".") and _PART in f and f.endswith(".part"):
                try:
                    os.unlink(os.path.join(d, f))
                except OSError:
                    pass


# ----------------------------------------------------------------- one file
_ENGINE = None


def _init_worker(profile: str, client: Optional[str], model: str) -> None:
    """Each worker process loads the engine once."""
    import signal
    import warnings

    warnings.filterwarnings("ignore")
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    global _ENGINE
    from ._presidio import install

    install()  # a worker is deid's own process (spawned ones import Presidio afresh)
    from .engine import Deidentifier

    _ENGINE = Deidentifier(profile=profile, client=client, model=model)


def scrub_one(engine, src: str, dst: str, rel: str, replace: bool, columns: Optional[Sequence[str]]) -> dict[str, Any]:
    """Scrub ``src`` into ``dst`` atomically; a record for the manifest (no text in it).
    ``replace``: an existing ``dst`` may be replaced (--force, or our own earlier output)."""
    from .formats import format_module, scrub_file

    rec: dict[str, Any] = {"path": rel}
    try:
        format_module(rel)  # unsupported extensions: reported, never guessed
        if os.path.exists(dst) and not replace:
            raise InputError(f"{rel}: output exists and is not from a finished run of this manifest (--force replaces it)")
        Path(dst).parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{Path(dst).name}{_PART}", suffix=".part", dir=Path(dst).parent)
        try:
            with os.fdopen(fd, "wb") as out:
                res = scrub_file(engine, src, out, name=rel, columns=columns)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, os.stat(src).st_mode & 0o777)  # as private as the input, not more open
            rec["output_sha256"] = sha256_file(tmp)
            os.replace(tmp, dst)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        rec["counts"] = dict(sorted(res.counts.items()))
        if res.bad_lines:
            rec.update(status="error", bad_lines=res.bad_lines,
                       reason=f"{res.bad_lines} lines could not be processed (error records written in their place)")
        else:
            rec["status"] = "ok"
    except DeidError as e:
        rec.update(status="error", reason=_reason(str(e), rel))
    except MemoryError:
        rec.update(status="error", reason="out of memory; nothing was written for it")
    except Exception as e:  # noqa: BLE001 - fail closed, one line, no message (it may hold PHI)
        rec.update(status="error", reason=f"internal error ({type(e).__name__}); nothing was written for it")
    return rec


def _reason(msg: str, rel: str) -> str:
    """The message without a leading path (the record names the path already)."""
    for p in (rel + ": ", os.path.basename(rel) + ": "):
        if msg.startswith(p):
            return msg[len(p):]
    return msg


def _work(src: str, dst: str, rel: str, replace: bool, columns) -> dict[str, Any]:
    return scrub_one(_ENGINE, src, dst, rel, replace, columns)


# ----------------------------------------------------------------- the run
def run(in_dir: str, out_dir: str, profile: str = "safe-harbor", client: Optional[str] = None, model: str = "builtin",
        jobs: Optional[int] = None, force: bool = False, columns: Optional[Sequence[str]] = None,
        audit: Optional[str] = None, engine=None, report: Callable[[str], None] = lambda s: print(s, file=sys.stderr),
        progress: Optional[bool] = None) -> Summary:
    """Clean every file under ``in_dir`` into ``out_dir``. ``engine``: reuse a loaded one
    (runs in this process). ``report`` gets one line per failed file."""
    src_root, dst_root = check_dirs(in_dir, out_dir)
    if engine is None:  # bad profile or card: refuse before any worker starts
        from .client_card import ClientCard
        from .profiles import load_profile

        prof = load_profile(profile)
        if getattr(prof, "requires_client", False) and not client:
            from .purpose import missing_client_message

            raise ConfigError(missing_client_message(prof))
        if client:
            ClientCard.load(client)
    log = None
    if audit:
        from .audit import AuditLog

        log = AuditLog(audit)
    dst_root.mkdir(parents=True, exist_ok=True)
    _remove_stale_parts(dst_root)
    mpath = dst_root / MANIFEST
    done = read_manifest(mpath)
    manifest = Manifest(mpath)
    summary = Summary()
    prof_name = getattr(getattr(engine, "profile", None), "name", None) or profile

    todo: list[tuple[str, str, str, str, bool]] = []   # (rel, src, dst, input sha256, may replace)
    for rel in walk(src_root):
        summary.total += 1
        src, dst = str(src_root / rel), str(dst_root / rel)
        try:
            digest = sha256_file(src)
        except OSError as e:
            _finish(summary, manifest, {"path": rel, "status": "error", "reason": f"cannot read ({e.strerror or type(e).__name__})"}, report, log, prof_name)
            continue
        prev = done.get(rel)
        # is the file at dst the output we wrote last time? (hashed once)
        ours = bool(prev and prev.get("output_sha256") and os.path.exists(dst) and prev["output_sha256"] == sha256_file(dst))
        if (not force and ours and prev.get("status") in ("ok", "skipped") and prev.get("input_sha256") == digest
                and prev.get("profile") == prof_name):
            rec = {k: v for k, v in prev.items() if k not in ("time",)}
            rec.update(status="skipped", reason="already done")
            _finish(summary, manifest, rec, report, log, prof_name)
            continue
        if rel == MANIFEST:
            _finish(summary, manifest, {"path": rel, "status": "error", "input_sha256": digest, "reason": "would overwrite the manifest"}, report, log, prof_name)
            continue
        todo.append((rel, src, dst, digest, force or ours))  # our own earlier output may be redone

    bar = _bar(len(todo), progress)
    try:
        if jobs is None:
            jobs = os.cpu_count() or 1
        jobs = max(1, min(jobs, len(todo) or 1))
        if engine is not None or jobs == 1:
            if engine is None:
                from .engine import Deidentifier

                engine = Deidentifier(profile=profile, client=client, model=model)
            for rel, src, dst, digest, replace in todo:
                rec = scrub_one(engine, src, dst, rel, replace, columns)
                _finish(summary, manifest, {**rec, "input_sha256": digest}, report, log, prof_name)
                bar.update(1)
        else:
            _pool(todo, jobs, profile, client, model, columns, summary, manifest, report, log, prof_name, bar)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        bar.close()
        manifest.close()
    return summary


def _pool(todo, jobs, profile, client, model, columns, summary, manifest, report, log, prof_name, bar) -> None:
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    ex = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(profile, client, model))
    try:
        pending = {}
        queue = iter(todo)

        def submit() -> bool:
            item = next(queue, None)
            if item is None:
                return False
            rel, src, dst, digest, replace = item
            pending[ex.submit(_work, src, dst, rel, replace, columns)] = (rel, digest)
            return True

        for _ in range(jobs * 2):  # a short queue: an interrupted run has little in flight
            if not submit():
                break
        while pending:
            fin, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in fin:
                rel, digest = pending.pop(fut)
                try:
                    rec = fut.result()
                except Exception as e:  # noqa: BLE001 - a worker died (killed, out of memory)
                    rec = {"path": rel, "status": "error", "reason": f"worker failed ({type(e).__name__}); nothing was written for it"}
                _finish(summary, manifest, {**rec, "input_sha256": digest}, report, log, prof_name)
                bar.update(1)
                submit()
    except BaseException:
        # Ctrl-C: nothing new starts; files in progress finish (each written atomically)
        # and are recorded, so the manifest matches what is in the output folder
        ex.shutdown(wait=True, cancel_futures=True)
        for fut, (rel, digest) in pending.items():
            if fut.done() and not fut.cancelled() and fut.exception() is None:
                _finish(summary, manifest, {**fut.result(), "input_sha256": digest}, report, log, prof_name)
        raise
    ex.shutdown(wait=True)


def _finish(summary: Summary, manifest: Manifest, rec: dict, report, log, profile: str) -> None:
    rec.setdefault("profile", profile)
    rec["time"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    st = rec.get("status")
    if st == "ok":
        summary.scrubbed += 1
    elif st == "skipped":
        summary.skipped += 1
    else:
        summary.failed += 1
        summary.failures.append((rec["path"], rec.get("reason", "failed")))
        report(f"deid: error: {rec['path']}: {rec.get('reason', 'failed')}")
    manifest.write(rec)
    if log is not None and "output_sha256" in rec and st != "skipped":
        log.record(command="batch", profile=profile, doc=rec["path"], counts=rec.get("counts", {}))


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _bar(total: int, progress: Optional[bool]):
    """A progress bar on stderr when it is a terminal; counts only, never file names."""
    show = sys.stderr.isatty() if progress is None else progress
    if not show or total == 0:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit="file", file=sys.stderr, leave=False)
