"""``resdex search --stem``: English stemming at query time, the index left exact.

Each bare word of the query is stemmed with Porter's revised English stemmer (Snowball
"english", ``whoosh.lang.porter2``; the original one in ``whoosh.lang.porter`` stems
"emphasizes" to "emphas" but "emphasizing" to "emphasiz") and
replaced by an OR group of the index's words with the same stem: "ratified" -> "(ratified
OR ratifies OR ratify OR ratifying)". The default path pays nothing (the index holds exact
words and this module is imported only with ``--stem``). Left as they are: "quoted
phrases" (exact, word for word), words with wildcards or a field prefix, symbols
("A/RES/70/1"), numbers and the operators. The stemmer's stems are its own:
"ratification" (stem "ratif") is not a form of "ratify" (stem "ratifi"); `ratif*` finds
both.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from whoosh.lang.porter2 import stem

if TYPE_CHECKING:
    from resdex.search.engine import Reader

# a phrase, a parenthesis, or a run of anything else (the query's own lexing, in
# ``resdex.search.query``)
_LEX = re.compile(r'"[^"]*"|[()]|[^\s()"]+')
# the words that are stemmed: letters only ("ratify", "Urges"; not "A/RES/70/1", "ratif*")
_WORD = re.compile(r"[^\W\d_]+")
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
# more forms than this in one group and the word's stem is too common to mean one word
MAX_FORMS = 40


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def forms(word: str, index: Reader) -> list[str]:
    """The index's words (field ``text``) that share ``word``'s stem, ``word`` first."""
    word = word.casefold()
    root = stem(word)
    prefix = _common_prefix(word, root)
    if not prefix:
        return [word]
    found = [word]
    for t in index.words(prefix):
        if t != word and _WORD.fullmatch(t) and stem(t) == root:
            found.append(t)
            if len(found) >= MAX_FORMS:
                break
    return found


def stem_query(text: str, index: Reader) -> str:
    """``text`` with each bare word replaced by the OR group of its forms in the index."""
    out: list[str] = []
    for token in _LEX.findall(text):
        if token in _OPERATORS or not _WORD.fullmatch(token):
            out.append(token)
            continue
        words = forms(token, index)
        out.append(words[0] if len(words) == 1 else "(" + " OR ".join(words) + ")")
    return " ".join(out)
