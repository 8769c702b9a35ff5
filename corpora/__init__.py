"""Synthetic mental-health corpus generator for deid (see corpora/README.md)."""
from .core import LABELS
from .generate import generate, generate_doc, validate, write

__all__ = ["LABELS", "generate", "generate_doc", "validate", "write"]
