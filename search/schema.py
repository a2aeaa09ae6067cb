"""What a resdex index holds, whatever the engine: the index documents' units and kinds,
the per-unit columns and their codes, and how a text is split into terms.

One index document per paragraph (``unit="paragraph"``), per footnote
(``unit="footnote"``), and one record per resolution (``unit="document"``) that holds the
serialized Resolution (``resdex.indexer.serialize``) and the sha256 of the content it came from,
so that ``show`` renders without parsing and ``index`` skips unchanged files. The Whoosh
fields of these documents: ``resdex.search.whoosh_engine.schema``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resdex.search.common_words import COMMON_WORDS

# Bump when the schema or the meaning of a field changes: an index of another format is
# refused with a message asking to rebuild it. 2: word pairs (``pairs``) and the per-unit
# columns (``COLUMNS``) that the query path counts and sorts with. 3: pairs of common words
# only (``COMMON_WORDS``), compact positions (``CompactPositions``), the citations of a unit
# in a column (``COL_CITES``) instead of its stored fields, per-unit stored fields cut to
# what readers use (no title, id, order, kind: the record and the columns hold them).
# 4: the record's symbol, adoption date and title in a column (``COL_META``), so that
# ``cites`` and the hits' titles read no record's stored fields (its big ``data``).
# 5: a paragraph or footnote stores only what no column or record holds (label, verb,
# opening, text; its file in ``COL_FILE``), undeflated
# (``resdex.search.whoosh_engine.blocks.stored_zlib``).
INDEX_FORMAT = 5

UNIT_PARAGRAPH = "paragraph"
UNIT_FOOTNOTE = "footnote"
UNIT_DOCUMENT = "document"
UNIT_ALIAS = "alias"  # a file superseded in its run by another with the same symbol
KIND_FOOTNOTE = "footnote"


def number_term(value: int) -> str:
    """The indexed form of a session or year: 71 -> "0071"."""
    return f"{value:04d}"


# --- the text analyzer: named pieces --------------------------------------------------------

# A number with a decimal point or thousands separator: "1.5 degrees", "2,000 tons": its
# first digits and the rest (``_FIND_TOKENS`` matches the first character apart).
_NUMBER_TAIL = r"(?:[.,]\d+)+"
_NUMBER = rf"\d+{_NUMBER_TAIL}"
# Words joined by "/", ".", "-" or "–": a candidate symbol. It is kept whole when it holds
# a "/" and a digit: "55/2" (resolution 55/2), "A/CONF.157/24" (footnote 1 of
# A/RES/71/194), "ES-10/19", "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46", "A/C.6/64/SR.1–28" (the
# default analyzer would split "55/2" into "55" and "2"). Otherwise it falls apart into its
# words: "HIV/AIDS" (so "AIDS" finds it), "non-selectivity", "COVID-19".
_COMPOUND_TAIL = r"(?:[./\-–]\w+)*"
_COMPOUND = rf"\w+{_COMPOUND_TAIL}"
# One word, one letter long included ("a", "I", "(b)").
_WORD = re.compile(r"\w+")

TOKEN_PATTERN = re.compile(rf"(?P<number>{_NUMBER})|{_COMPOUND}")


def _is_symbol(token: str) -> bool:
    return "/" in token and any(ch.isdigit() for ch in token)


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """(lower-cased token, start, end) for every token of ``text``: one regex pass; only a
    compound that is not a symbol is split again."""
    for match in TOKEN_PATTERN.finditer(text):
        token = match.group()
        start = match.start()
        if token.isalnum() or match.lastgroup == "number" or _is_symbol(token):
            yield token.lower(), start, match.end()
        else:
            for part in _WORD.finditer(token):
                yield part.group().lower(), start + part.start(), start + part.end()


# The same tokens without their offsets, as the writer indexes them (``terms``): one
# ``findall`` over the whole text; a number comes out whole as above (the number alternative
# wins wherever it matches, so a token that is all a number was matched as one). Written
# as one word character first, then the rest of a number (when that character is a digit)
# or of a compound: the same matches as ``{_NUMBER}|{_COMPOUND}``, but a pattern that starts
# with a character class lets the regex engine skip spaces and punctuation in C instead of
# trying both alternatives at each of them (about a third of a text's characters).
_FIND_PATTERN = rf"\w(?:(?<=\d)\d*{_NUMBER_TAIL}|\w*{_COMPOUND_TAIL})"
_FIND_TOKENS = re.compile(_FIND_PATTERN).findall
# The same for an ASCII text: its ``\w`` and ``\d`` are then the ASCII ones (the same
# characters), a table look-up each instead of the Unicode database's (a third of the time)
_FIND_ASCII_TOKENS = re.compile(_FIND_PATTERN, re.ASCII).findall
_IS_NUMBER = re.compile(_NUMBER).fullmatch


def terms(text: str) -> list[str]:
    """The lower-cased tokens of ``text``, ``[t for t, _, _ in tokens(text)]``, without a
    match object per token: an ASCII text is lower-cased whole first (which changes no
    character's class nor any length), and when every token found is a plain word (one
    ``isalnum`` over them joined), that list is the answer."""
    if text.isascii():
        found = _FIND_ASCII_TOKENS(text.lower())
        if "".join(found).isalnum():
            return found
        return _split_compounds(found)
    return [token.lower() for token in _split_compounds(_FIND_TOKENS(text))]


def _split_compounds(found: list[str]) -> list[str]:
    """``found`` with each compound that is neither a number nor a symbol split into its
    words, as ``tokens`` splits them."""
    out: list[str] = []
    for token in found:
        if token.isalnum() or _is_symbol(token) or _IS_NUMBER(token):
            out.append(token)
        else:
            out += _WORD.findall(token)
    return out


def pair_terms(words: list[str]) -> list[str]:
    """The ``pairs`` terms of a text from its ``terms``: ``[t for t, _, _ in pairs(text)]``."""
    common = COMMON_WORDS
    out: list[str] = []
    previous: str | None = None
    for word in words:
        if word in common:
            if previous is not None:
                out.append(f"{previous} {word}")
            previous = word
        else:
            previous = None
    return out


def pair_term(first: str, second: str) -> str:
    """The ``pairs`` term of two neighbouring tokens."""
    return f"{first} {second}"


def is_pair(first: str, second: str) -> bool:
    """Whether two neighbouring tokens are indexed as a pair: both are common words."""
    return first in COMMON_WORDS and second in COMMON_WORDS


def pairs(text: str) -> Iterator[tuple[str, int, int]]:
    """(pair term, start of the first token, end of the second) for each two neighbouring
    tokens of ``text`` indexed as a pair (``is_pair``)."""
    previous: tuple[str, int, int] | None = None
    for token in tokens(text):
        if previous is not None and previous[0] in COMMON_WORDS and token[0] in COMMON_WORDS:
            yield pair_term(previous[0], token[0]), previous[1], token[2]
        previous = token


# --- the per-unit columns -------------------------------------------------------------------

# Facts of each unit, one fixed-width number per index document in each segment, read whole
# into an array by the query path (``resdex.search.whoosh_engine.units``): totals, groups
# (``--by``), filters and chronological order without scoring or loading a stored field. A
# document without a value (an alias) reads 0 everywhere.
COL_UNIT = "c_unit"  # UNIT_CODES
COL_KIND = "c_kind"  # KIND_CODES
COL_BODY = "c_body"  # BODY_CODES
COL_DRAFT = "c_draft"  # 1: a draft (no adoption date, or an L. document), 2: adopted
COL_SESSION = "c_session"  # 0: none
COL_YEAR = "c_year"  # 0: unknown
COL_ADOPTED = "c_adopted"  # days since 1900-01-01; 0: none
COL_ORDER = "c_order"  # position of the unit in its document
COL_RES = "c_res"  # a 63-bit digest of the resolution's symkey (resolution counts)
COL_VERB = "c_verb"  # a 31-bit digest of the head verb, lower-cased; 0: none
# a unit's (label, footnote numbers, ((target, surface, via footnote | None), ...)); none
# for a unit that cites nothing: everything ``cites`` lists without a stored field
COL_CITES = "c_cites"
# on a record only: (symbol as written, body, adoption date ISO or "", title or ""): what
# ``cites`` and the hits' titles read of a resolution but session and year (``c_body``
# is a code, its other bodies all one), so that no record's stored fields are read
COL_META = "c_meta"
# the columns of pickled values (variable length), the others being COLUMNS
PICKLED_COLUMNS = (COL_CITES, COL_META)
# a 31-bit digest of the sha256 of the file a unit or record was indexed from: tells a
# record's units from those of a superseded file of its symbol (two files of one symbol
# share one with a chance of 1 in 2^31; ``c_res`` needs 63 bits: a million resolutions).
# Written like COLUMNS (4 bytes a unit, by the writer's numeric columns, at C speed), read
# only per document by the write path and ``show`` (never by a query: not in COLUMNS,
# whose arrays every query's segments load)
COL_FILE = "c_file"
COL_FILE_TYPE = "i"

# (column, struct type code, name of its array in resdex.search.whoosh_engine.units.SegmentColumns)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    (COL_UNIT, "B", "unit"),
    (COL_KIND, "B", "kind"),
    (COL_BODY, "B", "body"),
    (COL_DRAFT, "B", "draft"),
    (COL_SESSION, "H", "session"),
    (COL_YEAR, "H", "year"),
    (COL_ADOPTED, "I", "adopted"),
    (COL_ORDER, "I", "order"),
    (COL_RES, "q", "res"),
    (COL_VERB, "i", "verb"),
)
UNIT_CODES = {UNIT_PARAGRAPH: 1, UNIT_FOOTNOTE: 2, UNIT_DOCUMENT: 3}
UNIT_NAMES = {code: name for name, code in UNIT_CODES.items()}
# the units that hold a text of their own: paragraphs and footnotes (not records)
TEXT_UNIT_CODES = frozenset((UNIT_CODES[UNIT_PARAGRAPH], UNIT_CODES[UNIT_FOOTNOTE]))
KIND_CODES = {"preambular": 1, "operative": 2, KIND_FOOTNOTE: 3}
# the bodies' values (resdex.indexer.models.Body), in a fixed order: codes 1, 2, …
BODY_ORDER = ("GA", "SC", "HRC", "ECOSOC")
DRAFT, ADOPTED = 1, 2
