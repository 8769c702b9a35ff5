"""Errors with messages that are safe to show: they never contain PHI."""


class DeidError(Exception):
    """Base class. ``str(err)`` is a one-line message without PHI."""

    exit_code = 1


class InputError(DeidError):
    """Bad input: not text, not UTF-8, empty, too large, malformed JSONL line."""

    exit_code = 2


class ConfigError(DeidError):
    """Bad usage or configuration: unknown profile, unreadable client card, missing model."""

    exit_code = 2
