"""Well-known instruments named without a symbol, linked to the document that holds them.

A link is an extra of its own kind (``CitationKind.INSTRUMENT``), never counted as a
citation of the text (``../shared/citations.md``: "An instrument named without a symbol
may still be linked to one where … a well-known table … says which"). Each row names the
symbol its usual footnote in the corpus gives (or, for a treaty, the General Assembly
resolution that adopted it and annexes its text). The Charter of the United Nations has
no document symbol: it is not linked. Pure regex work: no spaCy.
"""

from __future__ import annotations

import re
from typing import Final

from resdex.indexer.models import Citation, CitationKind

# (name as written, target). The name is a regex piece; matching is case-sensitive, on
# whole words.
INSTRUMENTS: Final[tuple[tuple[str, str], ...]] = (
    # "Universal Declaration of Human Rights;3" (footnote: "Resolution 217 A (III).")
    (r"Universal Declaration of Human Rights", "A/RES/217(III)"),
    # "Transforming our world: the 2030 Agenda for Sustainable Development", "the 2030
    # Agenda" (footnote: "Resolution 70/1.")
    (r"2030 Agenda(?: for Sustainable Development)?", "A/RES/70/1"),
    # "the Vienna Declaration and Programme of Action … on 25 June 1993,1"
    # (footnote: "A/CONF.157/24 (Part I), chap. III.")
    (r"Vienna Declaration and Programme of Action", "A/CONF.157/24"),
    # "the United Nations Millennium Declaration on 8 September 2000,2"
    # (footnote: "Resolution 55/2.")
    (r"(?:United Nations )?Millennium Declaration", "A/RES/55/2"),
    # "the Durban Declaration and Programme of Action,6"
    # (footnote: "See A/CONF.189/12 and A/CONF.189/12/Corr.1, chap. I.")
    (r"Durban Declaration and Programme of Action", "A/CONF.189/12"),
    # "the Beijing Declaration and Platform for Action,16" (the report of the Fourth World
    # Conference on Women, A/CONF.177/20/Rev.1, chap. I, resolution 1, annexes I and II)
    (r"Beijing Declaration and Platform for Action", "A/CONF.177/20/Rev.1"),
    # "the Programme of Action of the International Conference on Population and
    # Development 15" (A/CONF.171/13/Rev.1, chap. I, resolution 1, annex)
    (
        r"Programme of Action of the International Conference on Population and Development",
        "A/CONF.171/13/Rev.1",
    ),
    # "the Addis Ababa Action Agenda of the Third International Conference on Financing
    # for Development" (footnote: "Resolution 69/313, annex.")
    (r"Addis Ababa Action Agenda", "A/RES/69/313"),
    # "the Sendai Framework for Disaster Risk Reduction 2015–2030" (footnote:
    # "Resolution 69/283, annex II.")
    (r"Sendai Framework for Disaster Risk Reduction", "A/RES/69/283"),
    # "the United Nations Declaration on the Rights of Indigenous Peoples 16"
    # (footnote: "Resolution 61/295, annex.")
    (r"United Nations Declaration on the Rights of Indigenous Peoples", "A/RES/61/295"),
    # "the Declaration on the Right to Development10" (footnote: "Resolution 41/128,
    # annex.")
    (r"Declaration on the Right to Development", "A/RES/41/128"),
    # "the 2005 World Summit Outcome, 1" (footnote: "Resolution 60/1.")
    (r"2005 World Summit Outcome", "A/RES/60/1"),
    # "the New Urban Agenda" (footnote: "Resolution 71/256, annex.")
    (r"New Urban Agenda", "A/RES/71/256"),
    # "the Declaration on the Granting of Independence to Colonial Countries and Peoples"
    # (footnote: "Resolution 1514 (XV).")
    (
        r"Declaration on the Granting of Independence to Colonial Countries and Peoples",
        "A/RES/1514(XV)",
    ),
    # "the International Covenant on Civil and Political Rights,2 the International
    # Covenant on Economic, Social and Cultural Rights,3" (footnotes: "See resolution
    # 2200 A (XXI), annex.")
    (
        r"International Covenant on (?:Civil and Political Rights"
        r"|Economic, Social and Cultural Rights)",
        "A/RES/2200(XXI)",
    ),
    # "the Convention on the Rights of the Child4" (adopted by resolution 44/25, annex)
    (r"Convention on the Rights of the Child", "A/RES/44/25"),
    # "the Convention on the Elimination of All Forms of Discrimination against Women,5"
    # (adopted by resolution 34/180, annex)
    (
        r"Convention on the Elimination of All Forms of Discrimination against Women",
        "A/RES/34/180",
    ),
    # "the Convention on the Rights of Persons with Disabilities, 6" (adopted by
    # resolution 61/106, annex I)
    (r"Convention on the Rights of Persons with Disabilities", "A/RES/61/106"),
)

# Every name above holds one of these words: a text without any of them is skipped at
# the cost of a few substring tests.
_KEY_WORDS: Final[tuple[str, ...]] = (
    "Declaration", "Agenda", "Programme of Action", "Framework", "Outcome", "Covenant",
    "Convention",
)  # fmt: skip

# The letters every name above can start with: "Universal", "2030", "Vienna", "(United
# Nations )Millennium", "Durban", "Beijing", "Programme", "Addis", "Sendai", "New",
# "International", "Convention". A look-ahead that Python's regex engine turns into a fast
# skip over the positions where no name can start (it changes no match); a row whose name
# starts with another letter must add it here.
FIRST_LETTERS: Final = "U2VMDBPASNIC"
_KEY_WORDS_RE: Final = re.compile("|".join(map(re.escape, _KEY_WORDS)))

INSTRUMENT_RE: Final = re.compile(
    rf"(?=[{FIRST_LETTERS}])\b(?:"
    + "|".join(f"(?P<i{index}>{name})" for index, (name, _) in enumerate(INSTRUMENTS))
    + r")\b"
)

# "the Optional Protocol to the Convention on the Rights of the Child on …" names another
# instrument: the name after "Protocol(s) to the" is not linked.
_OTHER_INSTRUMENT_BEFORE_RE: Final = re.compile(r"Protocols? (?:to|of) the $")


def find_instruments(text: str, location: str = "") -> tuple[Citation, ...]:
    """Links for the well-known instruments named in ``text`` (kind INSTRUMENT)."""
    if _KEY_WORDS_RE.search(text) is None:
        return ()
    out: list[Citation] = []
    for match in INSTRUMENT_RE.finditer(text):
        group = match.lastgroup
        if group is None:
            continue
        if _OTHER_INSTRUMENT_BEFORE_RE.search(text, max(0, match.start() - 24), match.start()):
            continue
        target = INSTRUMENTS[int(group[1:])][1]
        out.append(
            Citation(
                surface=match.group(),
                target=target,
                start=match.start(),
                end=match.end(),
                kind=CitationKind.INSTRUMENT,
                location=location,
            )
        )
    return tuple(out)
