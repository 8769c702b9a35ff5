"""Benchmarks for deid: recall and speed side by side with Presidio (see RESULTS.md).

``python -m benchmarks.run`` runs the harness, ``python -m benchmarks.profile`` prints the
warm engine's hotspots.
"""
