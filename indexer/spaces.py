"""Whitespace normalized, with the cheap tests that find a text already so (most) first."""

from __future__ import annotations

from resdex.indexer import patterns as P


def squeeze_spaces(text: str) -> str:
    """``" ".join(text.split())``, a text already so (most) returned after cheaper tests.
    A text of ASCII (most) is looked for the nine whitespace characters of ASCII that
    ``split`` breaks at besides the space (a fast scan each: the nine take a fifth of the
    time of ``isprintable``, which looks every character up in Unicode's table); any other
    text is tested with ``isprintable`` (every whitespace character but the space is
    unprintable)."""
    if text.isascii():
        if (
            "\n" in text
            or "\t" in text
            or "\r" in text
            or "\x0b" in text
            or "\x0c" in text
            or "\x1c" in text
            or "\x1d" in text
            or "\x1e" in text
            or "\x1f" in text
        ):
            return " ".join(text.split())
    elif not text.isprintable():
        return " ".join(text.split())
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        return " ".join(text.split())
    return text


def reflow_text(text: str) -> str:
    """Whitespace normalized; no space before , ; : . (left where a marker was removed)."""
    text = squeeze_spaces(text)
    # (the cheap test first: one search for the space and punctuation the regex removes)
    if P.SPACE_PUNCT_RE.search(text):
        text = P.SPACE_BEFORE_PUNCT_RE.sub("", text)
    return text
