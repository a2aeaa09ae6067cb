"""Exceptions raised by the indexer. Library code raises these and never prints or exits;
``cli/`` turns them into one line on standard error and an exit status."""

from __future__ import annotations


class ResdexError(Exception):
    """Base of every error resdex raises on purpose. ``str(err)`` is one line for a user."""


class UnreadableFile(ResdexError):
    """The file cannot be read as text: empty, binary, not UTF-8, a broken or truncated PDF."""


class NotAResolution(ResdexError):
    """The file reads as text but is not a UN resolution or draft resdex recognizes."""
