"""``fast_init``: the same frozen objects as a dataclass's own ``__init__`` makes."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import pytest

from resdex.indexer.frozen import fast_init
from resdex.indexer.models import Citation, CitationKind, Footnote, Paragraph, ParagraphKind
from resdex.indexer.structure.markers import Candidate, Strength

# A class as the decorated ones, made twice: left with the ``__init__`` of ``dataclasses``,
# and with ``fast_init``'s
_FIELDS: list[Any] = [
    ("start", int), ("end", int), ("number", int), ("strength", Strength),
    ("head", str, field(default="")), ("tail", str, field(default="")),
]  # fmt: skip
_Plain = dataclasses.make_dataclass("_Plain", _FIELDS, frozen=True, slots=True)
_Fast = fast_init(dataclasses.make_dataclass("_Fast", _FIELDS, frozen=True, slots=True))


# (class, positional arguments, keyword arguments), from A/RES/71/194 (PP1 with its footnote
# 1, "resolution 70/153" in OP8) and the marker "19931" of "25 June 19931"
CASES: list[tuple[type[Any], tuple[Any, ...], dict[str, Any]]] = [
    (Candidate, (117, 118, 1, Strength.GLUED), {}),
    (Candidate, (40, 42, 12, Strength.SPACED), {"head": "change", "tail": "and"}),
    (Paragraph, ("PP1", ParagraphKind.PREAMBULAR, 1, "Reaffirming its commitment"), {}),
    (
        Paragraph,
        ("OP8", ParagraphKind.OPERATIVE, 8, "Requests the Secretary-General"),
        {"verb": "Requests", "opening": "Requests", "footnotes": (1,)},
    ),
    (Citation, ("resolution 70/153", "A/RES/70/153", 30, 47), {"location": "OP8"}),
    (
        Citation,
        ("Vienna Declaration", "A/CONF.157/24", 0, 18, CitationKind.INSTRUMENT),
        {"via_footnote": 1},
    ),
    (Footnote, (1, "A/CONF.157/24 (Part I), chap. III."), {}),
    (Footnote, (-2,), {"text": "Any changes to the list of sponsors", "mark": "**"}),
]


@pytest.mark.parametrize(("cls", "args", "kwargs"), CASES)
def test_same_fields_as_the_dataclass_init(
    cls: type[Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    made = cls(*args, **kwargs)
    names = [f.name for f in dataclasses.fields(cls)]
    given = dict(zip(names, args, strict=False)) | kwargs
    for f in dataclasses.fields(cls):
        assert getattr(made, f.name) == given.get(f.name, f.default), f.name
    # equal to (and hashed as) the object rebuilt field by field, and ``replace`` works
    assert made == cls(**{n: getattr(made, n) for n in names})
    assert hash(made) == hash(cls(**{n: getattr(made, n) for n in names}))
    assert dataclasses.replace(made) == made


def test_same_object_as_without_it() -> None:
    for args in [(117, 118, 1, Strength.GLUED), (40, 42, 12, Strength.SPACED, "change", "and")]:
        assert dataclasses.astuple(_Plain(*args)) == dataclasses.astuple(_Fast(*args))
    assert repr(_Fast(1, 2, 3, Strength.EXPLICIT)).endswith(
        "(start=1, end=2, number=3, strength=<Strength.EXPLICIT: 3>, head='', tail='')"
    )


def test_still_frozen() -> None:
    cand = Candidate(117, 118, 1, Strength.GLUED)
    with pytest.raises(dataclasses.FrozenInstanceError):
        cand.number = 2  # type: ignore[misc]


def test_missing_argument_refused() -> None:
    with pytest.raises(TypeError):
        Candidate(117, 118)  # type: ignore[call-arg]


@dataclass(slots=True)
class _Mutable:
    x: int


@dataclass(frozen=True)
class _NoSlots:
    x: int


@dataclass(frozen=True, slots=True)
class _Factory:
    x: list[int] = field(default_factory=list)


@pytest.mark.parametrize("cls", [_Mutable, _NoSlots, _Factory])
def test_refuses_other_classes(cls: type[Any]) -> None:
    with pytest.raises(TypeError):
        fast_init(cls)


def test_with_citations_as_replace() -> None:
    # every field set to a value other than its default, so that a field the shortcut
    # forgot would show (A/RES/71/194 OP8 with footnote 1 and its citation)
    cite = Citation("resolution 70/153", "A/RES/70/153", 30, 47, location="OP8")
    para = Paragraph(
        "OP8(a)", ParagraphKind.OPERATIVE, 8, "Requests", "Requests", "also", "Also requests",
        "OP8", (1,), (),
    )  # fmt: skip
    assert {f.name for f in dataclasses.fields(para) if getattr(para, f.name) == f.default} == {
        "citations"
    }
    assert para.with_citations((cite,)) == dataclasses.replace(para, citations=(cite,))
    note = Footnote(-2, "Any changes to the list of sponsors", (), "**")
    assert note.with_citations((cite,)) == dataclasses.replace(note, citations=(cite,))
