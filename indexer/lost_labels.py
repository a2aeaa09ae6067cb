"""Sub-paragraph labels a Markdown conversion lost, restored from the label that follows.

"7. Requests the Secretary-General, within available resources:" / "To continue the
practice of sending an annual note verbale …;" / "To circulate annually a note verbale …;"
/ "(c) To continue consultations …" (ga-md/A_RES_80_12, OP7 and OP8): the conversion
dropped "(a)" and "(b)", and the unlabelled lines would be glued into OP7. A run of k
unlabelled list items after a line ending with a colon, followed by the (k+1)-th label
of a series ("(c)" after two, "(iii)" after two), gets the k labels before it back.
"""

from __future__ import annotations

from collections.abc import Sequence
from string import ascii_lowercase

from resdex.indexer import patterns as P
from resdex.indexer.organs import to_roman

_ROMANS: tuple[str, ...] = tuple(to_roman(n).lower() for n in range(1, 21))  # "i" … "xx"


def _series_before(label: str) -> list[tuple[str, ...]]:
    """The labels before ``label`` in each series it can belong to: "c" -> [("a", "b")],
    "iii" -> [("i", "ii")], "v" -> [(a … u), (i … iv)]."""
    found: list[tuple[str, ...]] = []
    if len(label) == 1 and label in ascii_lowercase:
        found.append(tuple(ascii_lowercase[: ascii_lowercase.index(label)]))
    if label in _ROMANS:
        found.append(_ROMANS[: _ROMANS.index(label)])
    return found


def restore_lost_labels(blocks: Sequence[str]) -> list[str]:
    """``blocks`` with the labels of an unlabelled run of list items put back (see the
    module's docstring); every other block unchanged."""
    out = list(blocks)
    for i, block in enumerate(blocks):
        match = P.SUB_LABEL_RE.match(block)
        if match is None:
            if P.OP_NUMBER_RE.match(block):
                _label_closed_run(blocks, i, out)
            continue
        for before in _series_before(match.group("label")):
            start = i - len(before)
            if not before or start < 1 or not P.LIST_INTRO_END_RE.search(blocks[start - 1]):
                continue
            run = blocks[start:i]
            if all(_unlabelled_item(b) for b in run):
                out[start:i] = [f"({label}) {b}" for label, b in zip(before, run, strict=True)]
    return out


def _label_closed_run(blocks: Sequence[str], end: int, out: list[str]) -> None:
    """The run of unlabelled items between an operative paragraph ending with a colon and
    the next one (``end``), labelled "(a)", "(b)" …: "8. Encourages Member States:" / "To
    inform the Secretary-General about possible problems …;" / "To continue to provide the
    Secretary-General with their views …" / "9. Decides …" (ga-md/A_RES_80_12 OP8). Only
    a run of two items or more, every one but the last ending a list item."""
    start = end
    while start > 0 and not P.OP_NUMBER_RE.match(blocks[start - 1]):
        start -= 1
    run = blocks[start:end]
    if (
        start == 0
        or not P.LIST_INTRO_END_RE.search(blocks[start - 1])
        or not 2 <= len(run) <= len(ascii_lowercase)
        or not all(_unlabelled_item(b) for b in run[:-1])
        or not _unlabelled_item(run[-1] + ";")
    ):
        return
    out[start:end] = [f"({label}) {b}" for label, b in zip(ascii_lowercase, run, strict=False)]


def _unlabelled_item(block: str) -> bool:
    return (
        P.LIST_ITEM_END_RE.search(block) is not None
        and P.SUB_LABEL_RE.match(block) is None
        and P.OP_NUMBER_RE.match(block) is None
    )
