"""The Whoosh schema of a resdex index (the fields of ``resdex.search.schema``'s index
documents), and the analyzers of its text fields over ``resdex.search.schema.tokens``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import sub
from typing import Any

from whoosh import columns, fields, formats
from whoosh.analysis import Token, Tokenizer

from resdex.search.schema import (
    COL_FILE,
    COL_FILE_TYPE,
    COLUMNS,
    PICKLED_COLUMNS,
    pair_terms,
    pairs,
    tokens,
)


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

    def from_words(self, words: list[str]) -> list[str]:
        """The terms of a text from its words (``resdex.search.schema.terms``): the words
        themselves here; the writer splits a text once for all its fields."""
        return words


class PairTokenizer(SymbolTokenizer):
    """Every two neighbouring tokens of ``tokens`` that are both ``COMMON_WORDS`` as one
    term, "human rights": a phrase of two such words is then one postings list, and a longer
    phrase is found among the documents holding all its pairs and its other words ("right to
    development": "right to" and "to development", whose postings are far shorter than
    those of "to"), then checked on the text's positions. Without positions of its own:
    they would double the size of the index."""

    def split(self, value: str) -> Iterable[tuple[str, int, int]]:
        return pairs(value)

    def from_words(self, words: list[str]) -> list[str]:
        return pair_terms(words)


class CompactPositions(formats.Positions):  # type: ignore[misc]
    """Whoosh's ``Positions`` with the positions of a posting as variable-length integers
    (the gaps between them, 7 bits a byte): Whoosh writes a 4-byte count and a pickled list,
    about 12 bytes of framing a posting, more than the positions themselves."""

    def encode(self, poslist: list[int]) -> bytes:
        gaps = list(map(sub, poslist, [0, *poslist]))
        # one byte each (most): made in C. Not for one position: ``bytes`` gives a byte
        # string of one byte as a shared object, which a pickled block of postings then
        # refers to instead of repeating it (not Whoosh's bytes, ``blocks.EXACT``)
        if len(gaps) > 1 and max(gaps) < 0x80:
            return bytes(gaps)
        out = bytearray()
        for gap in gaps:
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
    # Stored per unit: only what no column nor the record holds (the hits' text, label,
    # verb and opening); unit, body, session, year, adoption date and file are columns, the
    # symbol as written the record's (``c_meta``). The records and aliases store their
    # symbol, sha and adoption date (``resdex index`` reads them back).
    return fields.Schema(
        # identity
        id=Unstored(),  # "A/RES/71/194#OP8", "…#fn1", "…#doc"
        unit=fields.ID(),  # paragraph | footnote | document | alias
        symbol=fields.STORED(),  # records: as the document writes it, "A/RES/71/194"
        symkey=fields.ID(),  # target_key(symbol): "a/res/71/194"
        sha=fields.STORED(),  # records: sha256 of the file it was indexed from
        # the resolution's metadata, on every unit
        body=fields.ID(),  # GA | SC | HRC | ECOSOC
        # zero-padded ("0071", "2016") so that a term range is a numeric range: one posting
        # per unit where NUMERIC would write eight, which made the whole write 11% slower
        session=fields.ID(),  # absent when there is none
        year=fields.ID(),  # absent when unknown
        adopted=fields.STORED(),  # records: ISO date; absent for drafts
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
        **{COL_FILE: fields.COLUMN(columns.NumericColumn(COL_FILE_TYPE))},
        # what ``cites`` lists of a unit that cites something; the record's metadata
        **{
            name: fields.COLUMN(columns.PickleColumn(columns.VarBytesColumn()))
            for name in PICKLED_COLUMNS
        },
    )
