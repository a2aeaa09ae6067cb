"""The words common enough to be indexed in pairs
(``resdex.search.whoosh_engine.schema.PairTokenizer``).

A phrase of two of these words ("human rights", "of the united nations") is looked up as
word pairs, one postings list per pair; a phrase holding any other word is found through
that rarer word's postings and checked on positions. Indexing every pair of the corpus made
the pairs field the largest part of the index (six times the text with it); pairs of these
words only are a twentieth of its terms and a third of its postings. This is Lucene's
CommonGrams, with "common" meaning both words.

The 200 words of the shared corpus's paragraphs and footnotes (82,531 units, 2026-12-01)
with the most units holding them, most frequent first ("the": every unit but a few; the
last, "right", 2,127 units). An index's pairs are written with this
list, so a change to it is a change of ``INDEX_FORMAT``.
"""

from __future__ import annotations

_WORDS = """
    the of and to in for on that with a by united as nations its including states
    international all development general their resolution at sustainable other also
    implementation which countries or secretary well from relevant support be efforts member
    rights an report this through assembly national human are cooperation recalling is
    security encourages upon further developing importance regional global ensure measures
    appropriate economic conference action regard calls such no social under session
    organizations need work recognizing requests particular continue those effective agenda
    law parties use council convention have world into persons accordance noting non access
    full information committee women against taking assistance people resolutions annex
    organization promote note system december not 2030 special reaffirming financial
    activities resources high it may address concern role within order protection programme
    s related provide peace building humanitarian declaration strengthen capacity policies
    take political between weapons health any new goals treaty urges nuclear adopted
    progress notes respect management levels based 2024 welcomes inter commission programmes
    framework level review recognizes held ibid decides inclusive among towards see
    disarmament systems while services strengthening participation food made promoting 1
    will stakeholders climate forms government should decision environment 2023 challenges
    reaffirms account risk 19 gender entitled society change right
"""

COMMON_WORDS: frozenset[str] = frozenset(_WORDS.split())
