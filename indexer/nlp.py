"""The rule-based spaCy pipeline that finds citation anchors.

``spacy.blank("en")`` with a tokenizer that keeps symbols whole and a span ruler whose
patterns live in ``resdex.indexer.cite_patterns``. No trained model is downloaded or loaded.
This module imports spaCy: only the parse and index paths may import it.

As in spaCy's own ``span_ruler.py``, matching and annotating are kept apart: the ruler
sets spans under ``SPANS_KEY``; ``anchors()`` reads them back as plain ``Anchor`` values
for the pure resolver (``resdex.indexer.resolve``).
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from resdex.indexer.cite_patterns import RULER_PATTERNS, token_match
from resdex.indexer.resolve import Anchor

SPANS_KEY = "citation_anchors"


def build_pipeline() -> Language:
    """A blank English pipeline: symbol-aware tokenizer plus the citation span ruler.

    Build it once and reuse it (an index worker builds one per process)."""
    nlp = spacy.blank("en")
    tokenizer: Tokenizer = nlp.tokenizer
    tokenizer.token_match = token_match
    ruler = nlp.add_pipe(
        "span_ruler",
        name="citation_ruler",
        config={"spans_key": SPANS_KEY, "validate": True, "overwrite": True},
    )
    assert isinstance(ruler, SpanRuler)
    ruler.add_patterns([dict(p) for p in RULER_PATTERNS])
    return nlp


def anchors(doc: Doc) -> list[Anchor]:
    """The ruler's matches in ``doc`` as character-offset anchors."""
    return [Anchor(span.label_, span.start_char, span.end_char) for span in doc.spans[SPANS_KEY]]
