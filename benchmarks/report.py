"""Regenerate RESULTS.md from RESULTS.template.md, keeping the hand-written section."""
from __future__ import annotations

import os
from pathlib import Path
from string import Template

from .run import HAND_BEGIN, HAND_END, TEMPLATE

DEFAULT_HAND = """_Record before/after detection figures here (date, change, corpus, recall, precision).
This block is kept when the file is regenerated._"""


def _f(v, nd=4):
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.{nd}f}"
    return str(v)


def _n(v):
    return "-" if v is None else f"{v:,}"


def read_handwritten(path: Path) -> str:
    if path.exists():
        text = path.read_text(encoding="utf-8")
        i, j = text.find(HAND_BEGIN), text.find(HAND_END)
        if i != -1 and j > i:
            return text[i + len(HAND_BEGIN):j].strip("\n")
    return DEFAULT_HAND


def _peer_name(res):
    return res["peer"].get("label") or "peer"


def targets_table(res: dict) -> str:
    rows = ["| target | goal | measured | verdict |", "|---|---|---|---|"]
    for ch in res["target_checks"]:
        verdict = "n/a (not measured)" if ch["pass"] is None else ("PASS" if ch["pass"] else "**FAIL**")
        rows.append(f"| {ch['name']} | {ch['target']} | {_f(ch['measured'], 2)} {ch['unit']} | {verdict} |")
    return "\n".join(rows)


def speed_table(res: dict) -> str:
    sp = res["speed"]
    syn = res["corpora"]["synthetic"]
    keys = ["deid"] + (["peer"] if sp["whole_process_1core"].get("peer") else [])
    head = "| measure | " + " | ".join("deid" if k == "deid" else _peer_name(res) for k in keys) + " | deid / peer |"
    rows = [head, "|---|" + "---|" * (len(keys) + 1)]

    def row(name, vals, ratio=None, fmt=_n):
        cells = [fmt(v) for v in vals]
        rows.append(f"| {name} | " + " | ".join(cells) + f" | {ratio if ratio is not None else '-'} |")

    def ratio(a, b, inverse=False):
        if not a or not b:
            return None
        return f"{(b / a if inverse else a / b):.1f}x"

    rec = [((syn.get(k) or {}).get("overall") or {}).get("recall") for k in keys]
    row("recall, synthetic (entity)", rec, None, lambda v: _f(v))
    for name, c in res["corpora"].items():
        if name != "synthetic":
            row(f"recall, {name} (entity)", [((c.get(k) or {}).get("overall") or {}).get("recall") for k in keys], None, lambda v: _f(v))
    w1 = [sp["whole_process_1core"][k]["chars_per_second"] for k in keys]
    row(f"whole process, one core, chars/s ({sp['whole_process_1core']['docs']} synthetic docs, incl. start-up)", w1,
        ratio(*w1) if len(w1) == 2 else None)
    cpu = [round(sp["whole_process_1core"][k]["chars"] / sp["whole_process_1core"][k]["cpu_seconds"])
           if sp["whole_process_1core"][k].get("cpu_seconds") else None for k in keys]
    row("same, chars per CPU-second (user+sys; less sensitive to a shared core)", cpu, ratio(*cpu) if len(cpu) == 2 else None)
    wa = [sp["all_cores"][k]["chars_per_second"] for k in keys]
    row(f"whole process, {sp['all_cores']['processes']} processes, chars/s (aggregate)", wa, ratio(*wa) if len(wa) == 2 else None)
    for name in res["corpora"]:
        ww = [sp["warm"][k][name]["chars_per_second"] for k in keys]
        row(f"warm engine, {name}, chars/s", ww, ratio(*ww) if len(ww) == 2 else None)
    lat = [sp["latency_500w"].get(k) or {} for k in keys]
    for q in ("p50_ms", "p95_ms"):
        vals = [l.get(q) for l in lat]
        row(f"500-word note latency {q[:3]}, ms (warm)", vals, ratio(*vals, inverse=True) if len(vals) == 2 and all(vals) else None,
            lambda v: _f(v, 1))
    st = [sp["startup"][k]["median_s"] for k in keys]
    row("start-up to first output line, s", st, None, lambda v: _f(v, 2))
    mem = [sp["peak_memory_mb"][k] for k in keys]
    row("peak memory (max RSS), whole process, MB", mem, None, lambda v: _f(v, 0) if isinstance(v, float) else _n(v))
    wl = [sp["warm"][k]["load_seconds"] for k in keys]
    row("engine load, s", wl, None, lambda v: _f(v, 2))
    out = "\n".join(rows)
    lim = sp.get("limits") or {}
    if lim:
        out += ("\n\nPhysical limits (warm, one core, chars/s): the same text through spaCy's tokenizer "
                "alone, one combined regex pass (capitalised words, digit runs, e-mail shapes), and "
                "deid's NER model alone (tok2vec + ner), next to the whole deid engine:\n\n")
        out += "| corpus | one regex pass | tokenizer only | NER model only | deid engine |\n|---|---|---|---|---|\n"
        for name, l in lim.items():
            eng = ((sp["warm"].get("deid") or {}).get(name) or {}).get("chars_per_second")
            out += f"| {name} | {_n(l.get('regex_pass'))} | {_n(l.get('tokenizer'))} | {_n(l.get('ner_model'))} | {_n(eng)} |\n"
    # length sweep
    sw = sp["length_sweep"]
    if sw.get("deid"):
        out += "\n\nThroughput vs document length (warm, one core, chars/s):\n\n"
        out += "| length | " + " | ".join("deid" if k == "deid" else _peer_name(res) for k in keys) + " |\n"
        out += "|---|" + "---|" * len(keys) + "\n"
        for i, s in enumerate(sw["deid"]):
            vals = [(sw.get(k) or [{}] * len(sw["deid"]))[i].get("chars_per_second") for k in keys]
            out += f"| {s['length']:,} | " + " | ".join(_n(v) for v in vals) + " |\n"
    return out


def corpus_tables(res: dict) -> str:
    parts = []
    for name, c in res["corpora"].items():
        keys = ["deid"] + (["peer"] if c.get("peer") else [])
        parts.append(f"### {name} ({c['docs']:,} documents, {c['chars']:,} characters)\n")
        head = "| label | n | " + " | ".join(f"{'deid' if k == 'deid' else 'peer'} recall | {'deid' if k == 'deid' else 'peer'} full" for k in keys) + " |"
        parts.append(head)
        parts.append("|---|---:|" + "---:|---:|" * len(keys))
        for label, t in c["deid"]["by_label"].items():
            cells = []
            for k in keys:
                tt = c[k]["by_label"].get(label, {})
                cells += [_f(tt.get("recall")), _f(tt.get("full_recall"))]
            parts.append(f"| {label} | {t['n']:,} | " + " | ".join(cells) + " |")
        cells = []
        for k in keys:
            o = c[k]["overall"]
            cells += [f"**{_f(o['recall'])}**", f"**{_f(o['full_recall'])}**"]
        parts.append(f"| **all** | {c['deid']['overall']['n']:,} | " + " | ".join(cells) + " |")
        parts.append("")
        parts.append("| system | findings | span precision | char precision | warm chars/s |")
        parts.append("|---|---:|---:|---:|---:|")
        for k in keys:
            r = c[k]
            parts.append(f"| {'deid' if k == 'deid' else _peer_name(res)} | {_n(r['findings'])} | {_f(r['span_precision'])} | "
                         f"{_f(r['char_precision'])} | {_n(r['chars_per_second'])} |")
        parts.append("")
    if not any(c.get("peer") for c in res["corpora"].values()):
        parts.append(f"_Peer: {res['peer']['status']}._")
    return "\n".join(parts)


def machine_block(res: dict) -> str:
    m, v = res["machine"], res["versions"]
    lines = [
        f"- CPU: {m['cpu_model']}, {m['logical_cpus']} logical CPUs ({m['usable_cpus']} usable), {m.get('memory_gb')} GB RAM",
        f"- Platform: {m['platform']}",
        f"- Load average (1, 5, 15 min) at start {m.get('load_average_start')}, at end {m.get('load_average_end')}",
        f"- Python {v['python']}; deid {v.get('deid')}; presidio-analyzer {v.get('presidio-analyzer')}; spaCy {v.get('spacy')}; regex {v.get('regex')}",
    ]
    peer = res["systems"].get("peer")
    if peer:
        lines.append(f"- Peer model: {peer.get('model') or 'none'} {peer.get('model_version') or ''} (spaCy {peer.get('spacy_version')}, "
                     f"presidio-analyzer {peer.get('presidio_version')})")
    lines.append(f"- Single-core runs pinned to core {res['settings']['single_core']} with "
                 + ", ".join(f"{k}={v}" for k, v in res["settings"]["single_thread_env"].items() if k.endswith("THREADS")))
    lines.append(f"- Whole run took {res.get('elapsed_seconds')} s")
    return "\n".join(lines)


def write_results_md(res: dict, path: Path, out: Path) -> None:
    path = Path(path)
    m = res["machine"]
    load = m.get("load_average_start") or [0]
    note = ""
    if (m.get("usable_cpus") or 1) <= 2 or load[0] > 0.5 * (m.get("usable_cpus") or 1):
        note = (f"> Machine note: {m['usable_cpus']} usable cores, load average {m.get('load_average_start')} at start: "
                "the cores may have been shared with other work (e.g. model training), so absolute speeds are noisy. "
                "Both systems ran in the same run on the same cores; compare the ratios.")
    rel = os.path.relpath(out, path.parent)
    plots = res.get("plots")
    if isinstance(plots, list) and plots:
        plot_md = "\n\n".join(f"![{p}]({rel}/{p})" for p in plots)
    else:
        plot_md = f"_No plots: {plots or 'not requested'}._"
    text = Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        generated=res["generated_utc"], command=res["command"], peer_status=res["peer"]["status"],
        load_note=note, targets=targets_table(res), speed=speed_table(res), corpora=corpus_tables(res),
        plots=plot_md, machine=machine_block(res),
        handwritten=f"{HAND_BEGIN}\n{read_handwritten(path)}\n{HAND_END}",
    )
    path.write_text(text, encoding="utf-8")
