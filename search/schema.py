"""The Whoosh schema of a resdex index, and the analyzer of its text fields.

One index document per paragraph (``unit="paragraph"``), per footnote
(``unit="footnote"``), and one record per resolution (``unit="document"``) that holds the
serialized Resolution (``indexer.serialize``) and the sha256 of the content it came from,
so that ``show`` renders without parsing and ``index`` skips unchanged files.
"""

from __future__ import annotations

import re

from whoosh import fields
from whoosh.analysis import LowercaseFilter, RegexTokenizer

# Bump when the schema or the meaning of a field changes: an index of another format is
# refused with a message asking to rebuild it.
INDEX_FORMAT = 1

UNIT_PARAGRAPH = "paragraph"
UNIT_FOOTNOTE = "footnote"
UNIT_DOCUMENT = "document"
UNIT_ALIAS = "alias"  # a file superseded in its run by another with the same symbol
KIND_FOOTNOTE = "footnote"

# --- the text analyzer: named pieces --------------------------------------------------------

# A symbol: letters and digits joined by "/", ".", "-" or "–", with at least one "/" and one
# digit: "55/2" (resolution 55/2), "A/CONF.157/24" (footnote 1 of A/RES/71/194),
# "ES-10/19", "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46", "A/C.6/64/SR.1–28". Kept whole: the
# default analyzer would split "55/2" into "55" and "2".
_SYMBOL = r"(?=[\w.\-–/]*\d)(?=[\w.\-–]*/)\w+(?:[./\-–]\w+)*"
# A number with a decimal point or thousands separator: "1.5 degrees", "2,000 tons".
_NUMBER = r"\d+(?:[.,]\d+)+"
# Any other word, one letter long included ("a", "I", "(b)"): "HIV/AIDS" and
# "non-selectivity" (no digit) fall apart into their words, so "AIDS" finds "HIV/AIDS".
_WORD = r"\w+"

TOKEN_PATTERN = re.compile(rf"{_SYMBOL}|{_NUMBER}|{_WORD}", re.UNICODE)


def text_analyzer() -> RegexTokenizer:
    """Tokens as above, lower-cased; no stop words, no minimum length, no stemming."""
    return RegexTokenizer(expression=TOKEN_PATTERN) | LowercaseFilter()


def build_schema() -> fields.Schema:
    """The fields of every index document (unused ones are left empty per unit)."""
    analyzer = text_analyzer()
    # Few indexed ID/KEYWORD fields: Whoosh 2.7 stats the disk for every posting of a field
    # without lengths, so only what queries filter on is indexed; the rest is stored.
    return fields.Schema(
        # identity
        id=fields.STORED(),  # "A/RES/71/194#OP8", "…#fn1", "…#doc"
        unit=fields.ID(stored=True),  # paragraph | footnote | document
        symbol=fields.STORED(),  # as the document writes it: "A/RES/71/194"
        symkey=fields.ID(sortable=True),  # target_key(symbol): "a/res/71/194"
        sha=fields.STORED(),  # sha256 of the file this unit was indexed from
        # the resolution's metadata, on every unit
        body=fields.ID(stored=True),  # GA | SC | HRC | ECOSOC
        session=fields.NUMERIC(stored=True),  # absent when there is none
        year=fields.NUMERIC(stored=True),  # absent when unknown
        adopted=fields.STORED(),  # ISO date; absent for drafts
        title=fields.STORED(),
        # the paragraph (or footnote)
        order=fields.STORED(),  # position in the document
        kind=fields.ID(stored=True),  # preambular | operative | footnote
        label=fields.STORED(),  # "PP1", "OP2(a)", "footnote 1"
        verb=fields.STORED(),  # as written: "Urges"
        modifier=fields.STORED(),  # "strongly"
        opening=fields.STORED(),  # "Strongly urges"
        verbs=fields.KEYWORD(commas=True, lowercase=True),  # "urges,strongly urges"
        footnotes=fields.STORED(),  # footnote numbers the paragraph's text carries
        text=fields.TEXT(analyzer=analyzer, phrase=True, stored=True),
        # cited documents, as target_key(target): "cites" = direct + via footnote
        cites=fields.KEYWORD(),
        cites_direct=fields.STORED(),
        cites_footnote=fields.STORED(),
        links=fields.STORED(),  # instruments named without a symbol (extras, not citations)
        citations=fields.STORED(),  # [(target, surface, via_footnote | None)]
        # the record of the document (unit="document" only)
        contents=fields.KEYWORD(stored=True),  # sha256 of every file indexed as this symbol
        path=fields.STORED(),
        data=fields.STORED(),  # json.dumps(indexer.serialize.resolution_to_dict(res))
    )
