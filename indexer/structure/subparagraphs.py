"""Sub-paragraph labels: "(a)" under a top-level paragraph, "(i)" under the last "(a)",
with the OCR slips of the Security Council yearbooks read back."""

from __future__ import annotations

from collections.abc import Sequence

from resdex.indexer import patterns as P
from resdex.indexer.models import SourceFormat
from resdex.indexer.structure.blocks import RawParagraph

# OCR slips for roman sub-paragraph labels: "(1)" for "(i)" (sc-text/S_RES_0242_1967)
_OCR_ROMAN = {"1": "i", "11": "ii", "111": "iii", "l": "i", "il": "ii", "li": "ii"}
# OCR slips for letter labels, read back only where the letter is the next one:
# "(a) Decides that Arab civilians …" then "(6) Holds that no action …" (sc-text/
# S_RES_0093_1951: "(6)" for "(b)")
_OCR_LETTER = {"6": "b"}
_ROMANS = P.word_list("""i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx""")


def sub_paragraph(
    done: Sequence[RawParagraph],
    top: RawParagraph,
    label: str,
    text: str,
    fmt: SourceFormat,
    *,
    arabic: bool,
) -> RawParagraph:
    """A sub-paragraph "(a)" under ``top``, or "(i)" under the last "(a)". ``arabic``: the
    text numbers sub-paragraphs "(1)", "(2)" (so "(1)" is not the OCR slip for "(i)")."""
    last_letter = next((d for d in reversed(done) if d.level == 1 and d.parent == top.label), None)
    last_roman = next(
        (d for d in reversed(done) if d.level == 2 and d.label.startswith(top.label + "(")), None
    )
    label = label.lower() if not label.isdigit() else label
    if fmt is SourceFormat.SC_OCR and not (label.isdigit() and arabic):
        label = _ocr_label(label, last_letter, last_roman)
    roman = label in _ROMANS and not _continues_letters(last_letter, label)
    roman_list = (  # "(i) Withdrawal ...", "(ii) Termination ..." right under OP1 (242 (1967))
        last_letter is not None
        and last_letter.sub in _ROMANS
        and label in _ROMANS
        and _ROMANS.index(label) == _ROMANS.index(last_letter.sub) + 1
        and not _continues_letters(last_letter, label)
        and (last_roman is None or last_roman.parent != last_letter.label)
    )
    parent, level = (
        (last_letter, 2) if roman and last_letter is not None and not roman_list else (top, 1)
    )
    return RawParagraph(
        f"{parent.label}({label})",
        top.kind,
        top.number,
        text,
        parent=parent.label,
        level=level,
        sub=label,
    )


def _ocr_label(
    label: str, last_letter: RawParagraph | None, last_roman: RawParagraph | None
) -> str:
    """The label an OCR slip stands for: a digit for the next letter ("(6)" after "(a)"),
    or for a roman numeral ("(1)" for "(i)")."""
    if (
        label in _OCR_LETTER
        and last_letter is not None
        and last_letter.sub is not None
        and len(last_letter.sub) == 1
        and ord(_OCR_LETTER[label]) == ord(last_letter.sub) + 1
        and last_roman is None
    ):
        return _OCR_LETTER[label]
    if label in _OCR_ROMAN and (last_letter is not None or last_roman is None):
        return _OCR_ROMAN[label]
    return label


def _continues_letters(last_letter: RawParagraph | None, label: str) -> bool:
    """ "(i)" after "(h)" is the letter i, not the roman one."""
    if last_letter is None or last_letter.sub is None or len(label) != 1:
        return False
    return len(last_letter.sub) == 1 and ord(label) == ord(last_letter.sub) + 1
