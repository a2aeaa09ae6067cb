"""JSON as the faces write it (``resdex … --json``, the web page's ``/api/…``): an object's
keys one a line, a list's items one a line (a hit, a citing resolution, a paragraph), each
item on its line as compact JSON: as easy to read and to ``grep`` as ``indent=2``, and
written by json's C encoder, which ``indent`` turns off (json then writes in Python, four
times slower: 100 ms of the 160 that ``resdex cites --json A/CONF.157/24`` took at a million
paragraphs)."""

from __future__ import annotations

import json
from typing import Any

_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def _listed(items: list[Any], margin: str) -> str:
    inner = margin + "  "
    return "[\n" + ",\n".join(inner + _ENCODE(item) for item in items) + "\n" + margin + "]"


def json_text(data: Any) -> str:
    """``data`` as JSON text, laid out as the module says (``json.loads`` gives it back)."""
    if isinstance(data, list) and data:
        return _listed(data, "")
    if not isinstance(data, dict) or not data or not all(isinstance(k, str) for k in data):
        return _ENCODE(data)
    lines = (
        f"  {_ENCODE(key)}: "
        + (_listed(value, "  ") if isinstance(value, list) and value else _ENCODE(value))
        for key, value in data.items()
    )
    return "{\n" + ",\n".join(lines) + "\n}"
