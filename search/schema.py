"""The Whoosh schema of a resdex index, and the analyzer of its text fields.

One index document per paragraph (``unit="paragraph"``), per footnote
(``unit="footnote"``), and one record per resolution (``unit="document"``) that holds the
serialized Resolution (``resdex.indexer.serialize``) and the sha256 of the content it came from,
so that ``show`` renders without parsing and ``index`` skips unchanged files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh import columns, fields, formats
from whoosh.analysis import Token, Tokenizer

from resdex.search.common_words import COMMON_WORDS

# Bump when the schema or the meaning of a field changes: an index of another format is
# refused with a message asking to rebuild it. 2: word pairs (``pairs``) and the per-unit
# columns (``COLUMNS``) that the query path counts and sorts with. 3: pairs of common words
# only (``COMMON_WORDS``), compact positions (``CompactPositions``), the citations of a unit
# in a column (``COL_CITES``) instead of its stored fields, per-unit stored fields cut to
# what readers use (no title, id, order, kind: the record and the columns hold them).
INDEX_FORMAT = 3

UNIT_PARAGRAPH = "paragraph"
UNIT_FOOTNOTE = "footnote"
UNIT_DOCUMENT = "document"
UNIT_ALIAS = "alias"  # a file superseded in its run by another with the same symbol
KIND_FOOTNOTE = "footnote"


def number_term(value: int) -> str:
    """The indexed form of a session or year: 71 -> "0071"."""
    return f"{value:04d}"


# --- the text analyzer: named pieces --------------------------------------------------------

# A number with a decimal point or thousands separator: "1.5 degrees", "2,000 tons".
_NUMBER = r"\d+(?:[.,]\d+)+"
# Words joined by "/", ".", "-" or "–": a candidate symbol. It is kept whole when it holds
# a "/" and a digit: "55/2" (resolution 55/2), "A/CONF.157/24" (footnote 1 of
# A/RES/71/194), "ES-10/19", "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46", "A/C.6/64/SR.1–28" (the
# default analyzer would split "55/2" into "55" and "2"). Otherwise it falls apart into its
# words: "HIV/AIDS" (so "AIDS" finds it), "non-selectivity", "COVID-19".
_COMPOUND = r"\w+(?:[./\-–]\w+)*"
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


class SymbolTokenizer(Tokenizer):  # type: ignore[misc]
    """Whoosh tokenizer over ``tokens``: lower-cased words and whole symbols, positions and
    character offsets (for phrases and highlighting); no stop words, no minimum length."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:  # a term as a query gives it (for pairs: a term made of a pair)
            found: Iterable[tuple[str, int, int]] = [(value.lower(), 0, len(value))]
        else:
            found = self.split(value)
        for pos, (text, start, end) in enumerate(found, start_pos):
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = value[start:end]
            if positions:
                t.pos = pos
            if chars:
                t.startchar = start_char + start
                t.endchar = start_char + end
            yield t

    def split(self, value: str) -> Iterable[tuple[str, int, int]]:
        """The terms of ``value`` with their character offsets."""
        return tokens(value)


class PairTokenizer(SymbolTokenizer):
    """Every two neighbouring tokens of ``tokens`` that are both ``COMMON_WORDS`` as one
    term, "human rights": a phrase of two such words is then one postings list, and a longer
    phrase is found among the documents holding all its pairs and its other words ("right to
    development": "right to" and "to development", whose postings are far shorter than
    those of "to"), then checked on the text's positions. Without positions of its own:
    they would double the size of the index."""

    def split(self, value: str) -> Iterable[tuple[str, int, int]]:
        return pairs(value)


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


class CompactPositions(formats.Positions):  # type: ignore[misc]
    """Whoosh's ``Positions`` with the positions of a posting as variable-length integers
    (the gaps between them, 7 bits a byte): Whoosh writes a 4-byte count and a pickled list,
    about 12 bytes of framing a posting, more than the positions themselves."""

    def encode(self, poslist: list[int]) -> bytes:
        out = bytearray()
        base = 0
        for pos in poslist:
            gap = pos - base
            base = pos
            while gap >= 0x80:
                out.append((gap & 0x7F) | 0x80)
                gap >>= 7
            out.append(gap)
        return bytes(out)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        positions = []
        position = gap = shift = 0
        for byte in valuestring:
            gap |= (byte & 0x7F) << shift
            if byte & 0x80:
                shift += 7
            else:
                position += gap
                positions.append(position)
                gap = shift = 0
        return positions

    def decode_frequency(self, valuestring: bytes) -> int:
        return sum(1 for byte in valuestring if not byte & 0x80)


def text_analyzer() -> SymbolTokenizer:
    """Tokens as above, lower-cased; no stop words, no minimum length, no stemming."""
    return SymbolTokenizer()


# --- the per-unit columns -------------------------------------------------------------------

# Facts of each unit, one fixed-width number per index document in each segment, read whole
# into an array by the query path (``resdex.search.units``): totals, groups (``--by``),
# filters and chronological order without scoring or loading a stored field. A document
# without a value (an alias) reads 0 everywhere.
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

# (column, struct type code, name of its array in resdex.search.units.SegmentColumns)
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
KIND_CODES = {"preambular": 1, "operative": 2, KIND_FOOTNOTE: 3}
# the bodies' values (resdex.indexer.models.Body), in a fixed order: codes 1, 2, …
BODY_ORDER = ("GA", "SC", "HRC", "ECOSOC")
DRAFT, ADOPTED = 1, 2


class Unstored(fields.STORED):  # type: ignore[misc]
    """A field an index document may carry and the index leaves out: neither indexed nor
    stored (``id``, ``cites_direct``, ``cites_footnote`` name and explain a unit in
    ``resdex.search.documents``; the columns and the record hold what readers need)."""

    stored = False


def _text_field(analyzer: SymbolTokenizer) -> fields.TEXT:
    field = fields.TEXT(analyzer=analyzer, phrase=True, stored=True)
    field.format = CompactPositions(field_boost=field.format.field_boost)
    return field


def build_schema() -> fields.Schema:
    """The fields of every index document (unused ones are left empty per unit)."""
    analyzer = text_analyzer()
    # Few indexed ID/KEYWORD fields: Whoosh 2.7 stats the disk for every posting of a field
    # without lengths, so only what queries filter on is indexed; the rest is stored.
    # Stored per unit: what readers of the stored fields use (the hits' text and labels;
    # precedents, check and the write path read symbol, sha, unit and the dates).
    return fields.Schema(
        # identity
        id=Unstored(),  # "A/RES/71/194#OP8", "…#fn1", "…#doc"
        unit=fields.ID(stored=True),  # paragraph | footnote | document
        symbol=fields.STORED(),  # as the document writes it: "A/RES/71/194"
        symkey=fields.ID(),  # target_key(symbol): "a/res/71/194"
        sha=fields.STORED(),  # sha256 of the file this unit was indexed from
        # the resolution's metadata, on every unit
        body=fields.ID(stored=True),  # GA | SC | HRC | ECOSOC
        # zero-padded ("0071", "2016") so that a term range is a numeric range: one posting
        # per unit where NUMERIC would write eight, which made the whole write 11% slower
        session=fields.ID(stored=True),  # absent when there is none
        year=fields.ID(stored=True),  # absent when unknown
        adopted=fields.STORED(),  # ISO date; absent for drafts
        title=fields.STORED(),  # on the record only
        # the paragraph (or footnote); its position and kind: the columns
        kind=fields.ID(),  # preambular | operative | footnote
        label=fields.STORED(),  # "PP1", "OP2(a)", "footnote 1"
        verb=fields.STORED(),  # as written: "Urges"
        opening=fields.STORED(),  # "Strongly urges"
        verbs=fields.KEYWORD(commas=True, lowercase=True),  # "urges,strongly urges"
        text=_text_field(analyzer),
        # the same text as word pairs (not stored, no positions): phrases (PairTokenizer)
        pairs=fields.TEXT(analyzer=PairTokenizer(), phrase=False),
        # cited documents, as target_key(target): "cites" = direct + via footnote
        cites=fields.KEYWORD(),
        cites_direct=Unstored(),
        cites_footnote=Unstored(),
        # the record of the document (unit="document" only)
        contents=fields.KEYWORD(stored=True),  # sha256 of every file indexed as this symbol
        path=fields.STORED(),
        data=fields.STORED(),  # search.documents.pack_resolution(res): deflated JSON
        **{name: fields.COLUMN(columns.NumericColumn(code)) for name, code, _ in COLUMNS},
        # what ``cites`` lists of a unit that cites something
        **{COL_CITES: fields.COLUMN(columns.PickleColumn(columns.VarBytesColumn()))},
    )
