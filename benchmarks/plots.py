"""Aggregate plots for the benchmark (matplotlib, Agg backend). No text, no values."""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

COLORS = {"deid": "#1f77b4", "peer": "#ff7f0e"}


def _peer_name(res: dict) -> str:
    return res["peer"].get("label") or "peer"


def make_plots(res: dict, out: Path) -> list[str]:
    files = [recall_by_label(res, out), throughput_vs_length(res, out), latency(res, out)]
    return [f for f in files if f]


def recall_by_label(res: dict, out: Path) -> str:
    corpora = list(res["corpora"].items())
    heights = [max(2.5, 0.32 * len(c["deid"]["by_label"]) + 1.2) for _, c in corpora]
    fig, axes = plt.subplots(len(corpora), 1, figsize=(9, sum(heights)), squeeze=False,
                             gridspec_kw={"height_ratios": heights})
    for ax, (name, c) in zip(axes[:, 0], corpora):
        labels = sorted(c["deid"]["by_label"], key=lambda k: -c["deid"]["by_label"][k]["n"])
        y = range(len(labels))
        systems = [("deid", "deid")] + ([("peer", _peer_name(res))] if c.get("peer") else [])
        h = 0.8 / len(systems)
        for i, (key, disp) in enumerate(systems):
            vals = [(c[key]["by_label"].get(l, {}).get("recall") or 0.0) for l in labels]
            ax.barh([v + i * h for v in y], vals, height=h, color=COLORS[key],
                    label=f"{disp} (all: {c[key]['overall']['recall']})")
        ax.set_yticks([v + h * (len(systems) - 1) / 2 for v in y])
        ax.set_yticklabels([f"{l} (n={c['deid']['by_label'][l]['n']})" for l in labels], fontsize=8)
        ax.invert_yaxis()
        ax.set_xlim(0, 1.0)
        ax.set_xlabel("entity recall (gold span touched)")
        ax.set_title(f"{name}: {c['docs']} docs")
        ax.grid(axis="x", alpha=0.3)
        ax.legend(loc="lower left", fontsize=8)
    fig.tight_layout()
    p = out / "recall_by_label.png"
    fig.savefig(p, dpi=110)
    plt.close(fig)
    return p.name


def throughput_vs_length(res: dict, out: Path) -> str:
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for key, sweep in res["speed"]["length_sweep"].items():
        if not sweep:
            continue
        xs = [s["length"] for s in sweep]
        ys = [s["chars_per_second"] for s in sweep]
        ax.plot(xs, ys, marker="o", color=COLORS[key], label="deid" if key == "deid" else _peer_name(res))
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("document length (characters)")
    ax.set_ylabel("characters / second (warm, one core)")
    ax.set_title("Throughput vs document length")
    ax.grid(which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    p = out / "throughput_vs_length.png"
    fig.savefig(p, dpi=110)
    plt.close(fig)
    return p.name


def latency(res: dict, out: Path) -> str:
    lat = {k: v for k, v in res["speed"]["latency_500w"].items() if v}
    if not lat:
        return ""
    fig, ax = plt.subplots(figsize=(7, 4.5))
    lo = min(min(v["ms"]) for v in lat.values())
    hi = max(max(v["ms"]) for v in lat.values())
    import math

    bins = [10 ** (math.log10(max(lo, 0.01)) + i * (math.log10(hi * 1.01) - math.log10(max(lo, 0.01))) / 40) for i in range(41)]
    for key, v in lat.items():
        name = "deid" if key == "deid" else _peer_name(res)
        ax.hist(v["ms"], bins=bins, alpha=0.6, color=COLORS[key], label=f"{name}: p50 {v['p50_ms']:.1f} ms, p95 {v['p95_ms']:.1f} ms")
        ax.axvline(v["p95_ms"], color=COLORS[key], linestyle="--", linewidth=1)
    ax.axvline(res["targets"]["p95_ms"], color="red", linewidth=1, label=f"target p95 {res['targets']['p95_ms']:g} ms")
    ax.set_xscale("log")
    ax.set_xlabel("milliseconds per ~500-word note (warm, one core)")
    ax.set_ylabel("runs")
    ax.set_title(f"Latency, {next(iter(lat.values()))['runs']} runs per system")
    ax.legend(fontsize=8)
    fig.tight_layout()
    p = out / "latency.png"
    fig.savefig(p, dpi=110)
    plt.close(fig)
    return p.name
