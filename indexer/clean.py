"""RawDocument -> CleanText: remove the noise that is not text and reflow hard line breaks.

The result has one logical block per line: header blocks, paragraphs, the closing lines,
then (when the document has footnotes) the line ``FOOTNOTE_RULE`` followed by one line per
footnote, "N text", wherever the footnotes stood in the source (page feet, end of
document, between Markdown paragraphs). Explicit footnote markers (Markdown "[^4]",
superscripts "¹") are written as "[^4]" in the text; markers glued to words and years
("19931", "tenth4") are left as they are for ``structure`` to find.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from resdex.indexer import patterns as P
from resdex.indexer.lost_labels import restore_lost_labels
from resdex.indexer.models import CleanText, RawDocument, SourceFormat
from resdex.indexer.spaces import squeeze_spaces
from resdex.indexer.verbs import (
    continues_a_name,
    looks_like_opening,
    looks_like_operative,
    opens_after_lost_terminal,
    opens_with_listed_opener,
)

FOOTNOTE_RULE = "_" * 15

# lines after a page break scanned for the running head's page mark
_RUNNING_HEAD_LINES = 10
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def clean(raw: RawDocument) -> CleanText:
    """The clean text of a raw document, according to its format."""
    if raw.format is SourceFormat.MARKDOWN:
        return clean_markdown(raw.text)
    if raw.format is SourceFormat.ODS:
        return clean_ods(raw.text)
    if raw.format is SourceFormat.SC_OCR:
        return clean_sc_ocr(raw.text)
    if raw.format is SourceFormat.PDF:
        return clean_pages(SourceFormat.PDF, [pdf_page_lines(p) for p in raw.text.split("\f")])
    return clean_pages(SourceFormat.PDF_TEXT, text_pages(raw.text))


# --------------------------------------------------------------------------- shared helpers


def reflow(lines: Iterable[str]) -> str:
    """Join hard-wrapped lines into one, keeping a line-end hyphen that belongs to the word
    ("good-\\nneighbourliness" -> "good-neighbourliness")."""
    parts: list[str] = []
    for raw_line in lines:
        line = raw_line.strip()
        if not line:
            continue
        if (
            parts
            and parts[-1][-1] in P.LINE_END_HYPHENS  # (the cheap test first)
            and line[0].isalnum()
            and P.HYPHEN_END_RE.search(parts[-1][-2:])
        ):
            parts[-1] += line
        else:
            parts.append(line)
    return squeeze_spaces(" ".join(parts))


def is_noise(line: str) -> bool:
    """Job numbers ("14-67668 (E)"), bar codes ("*1467668*"), "Please recycle"."""
    return P.NOISE_LINE_RE.match(line) is not None


def ends_sentence_part(block: str) -> bool:
    """Whether a block ends with , ; : or . (a glued footnote marker or quote allowed)."""
    return P.search_end(P.TERMINAL_RE, block) is not None


def starts_paragraph(block: str) -> bool:
    """Whether a block opens a paragraph: a number, a sub-paragraph label, the organ line,
    or an opening participle/verb."""
    return bool(
        P.OP_NUMBER_RE.match(block)
        or P.SUB_LABEL_RE.match(block)
        or P.ORGAN_OPENING_RE.match(block)
        or looks_like_opening(block)
    )


def continues(previous: str, block: str) -> bool:
    """Whether ``block`` continues ``previous`` across a page break or a split line."""
    if block[:1].islower():
        return True
    if starts_paragraph(block):
        return False
    if not ends_sentence_part(previous):
        return True
    return previous.rstrip().endswith(",") and not P.ROMAN_HEADING_RE.match(block)


def with_footnotes(
    fmt: SourceFormat,
    blocks: Sequence[str],
    notes: Sequence[str],
    front_matter: tuple[tuple[str, str], ...] = (),
) -> CleanText:
    lines = [b for b in blocks if b]
    if notes:
        lines.append(FOOTNOTE_RULE)
        lines.extend(notes)
    return CleanText(fmt, tuple(lines), front_matter)


def footnote_entries(
    lines: Iterable[str], expected: int | None, carried: Sequence[str] = ()
) -> tuple[list[str], int | None]:
    """Footnote lines ("1 A/CONF.157/24 ...", continuation lines) -> one "N text" entry per
    footnote. A new footnote starts only with the next number in sequence (or "*"), so a
    continuation line starting with a number ("1994 (United Nations publication") stays
    with its footnote. ``carried`` is the last footnote of the page before: lines above
    this page's first number go on with it (the footnote ran over the page break).
    Returns the entries and the next expected number."""
    entries: list[list[str]] = [list(carried)] if carried else []
    for line in lines:
        if not line.strip() or is_noise(line):
            continue
        match = P.FOOTNOTE_LINE_RE.match(line)
        if match is not None:
            mark = match.group("mark")
            if mark.startswith("*") or expected is None or int(mark) == expected:
                entries.append([mark, match.group("text")])
                if not mark.startswith("*"):
                    expected = int(mark) + 1
                continue
        if entries:
            entries[-1].append(line)
    return [f"{e[0]} {reflow(e[1:])}" for e in entries], expected


# --------------------------------------------------------------------------- PDF and its text


def text_pages(text: str) -> list[list[str]]:
    """Pages of the text extracted from a PDF: a line that is empty (no space) is a page
    break in ga-text/ and ga-drafts/ (the other blank lines hold one space)."""
    pages: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line == "":
            pages.append([])
        else:
            pages[-1].append(line)
    return [p for p in pages if any(s.strip() for s in p)]


def pdf_page_lines(page: str) -> list[str]:
    """pypdf's plain text of one page, with a blank line before every indented line:
    pypdf keeps a paragraph's first-line indent (" Reaffirming its ...") where the
    published text files have a blank line."""
    lines: list[str] = []
    for line in page.split("\n"):
        if line[:1].isspace() and line.strip():
            lines.append(" ")
        lines.append(line)
    return lines


def strip_running_head(lines: list[str]) -> list[str]:
    """Drop a page's running head: the symbol, the title, the job number and the page mark
    ("A/RES/80/204 / Enhancement of ... / 25-20958 / 2/4"), in either order."""
    for i, line in enumerate(lines[:_RUNNING_HEAD_LINES]):
        if P.PAGE_MARK_LINE_RE.match(line):
            rest = lines[i + 1 :]
            while rest and (not rest[0].strip() or is_noise(rest[0])):
                rest = rest[1:]
            return rest
    return lines


def split_page_footnotes(lines: list[str]) -> tuple[list[str], list[str]]:
    """A page's text and the footnote lines after its "______" rule."""
    # (the cheap test first: a page without footnotes has no run of "_" at all)
    if "_" * P.RULE_MIN not in "\n".join(lines):
        return lines, []
    for i in range(len(lines) - 1, -1, -1):
        if P.RULE_LINE_RE.match(lines[i]):
            return lines[:i], lines[i + 1 :]
    return lines, []


def page_blocks(lines: list[str]) -> list[str]:
    """Blocks separated by blank lines, each reflowed into one line, noise dropped."""
    blocks: list[str] = []
    current: list[str] = []
    noise = P.NOISE_LINE_RE.match  # (``is_noise``)
    for line in lines:
        first = line.lstrip()[:1]
        if not first:  # a blank line
            if current:
                blocks.append(reflow(current))
                current = []
            continue
        # (the cheap tests first: a noise line opens with a digit, "*" or "Please"; a line
        # going on in lower case opens no block)
        if (first == "P" or not first.isalpha()) and noise(line) is not None:
            continue
        if current and not first.islower() and _opens_block(current[-1], line):
            blocks.append(reflow(current))
            current = []
        current.append(line)
    if current:
        blocks.append(reflow(current))
    return blocks


def _opens_block(previous: str, line: str) -> bool:
    """A paragraph number or label not preceded by a blank line still opens a block:
    "...Pact for the Future. / 2. / We are at a time ..." (A/RES/79/1)."""
    first = line.lstrip()[:1]
    if not first or first.islower():  # a label, a number or a capital opens a block
        return False
    if P.BARE_LABEL_LINE_RE.match(line):
        return ends_sentence_part(previous)
    if P.search_end(P.COMMA_END_RE, previous) and opens_with_listed_opener(line.lstrip()):
        # "…its full implementation, / Reaffirming that the Global Plan of Action was
        # developed:" (A/RES/80/228): no blank line between two preambular paragraphs
        return True
    return bool(
        (P.OP_NUMBER_RE.match(line) or P.SUB_LABEL_RE.match(line))
        and P.search_end(P.FULL_STOP_END_RE, previous)
    )


def clean_pages(fmt: SourceFormat, pages: list[list[str]]) -> CleanText:
    """Clean the pages of an official PDF (or its extracted text)."""
    blocks: list[str] = []
    notes: list[str] = []
    expected: int | None = None
    for number, page in enumerate(pages):
        lines = strip_running_head(page) if number else page
        body, foot = split_page_footnotes(lines)
        # "42 See Official Records of the Economic and Social Council, 2005, Supplement
        # No. 7 and" / (next page, under its rule) "corrigendum (E/2005/27 and
        # E/2005/27/Corr.1), chap. I, sect. D." (ga-drafts/A_C.3_80_L.17 footnote 42)
        carried = notes[-1].split(" ", 1) if notes else ()
        entries, expected = footnote_entries(foot, expected, carried)
        if carried:
            notes[-1] = entries.pop(0)
        notes.extend(entries)
        new = page_blocks(body)
        if new and blocks and number and continues(blocks[-1], new[0]):
            blocks[-1] = reflow([blocks[-1], new[0]])
            new = new[1:]
        blocks.extend(new)
    return with_footnotes(fmt, blocks, notes)


# --------------------------------------------------------------------------- Markdown


def front_matter(text: str) -> tuple[tuple[tuple[str, str], ...], str]:
    """The YAML header of a ga-md/ file ("symbol: A/RES/80/10") and the text after it."""
    match = P.MD_FRONT_MATTER_RE.match(text)
    if match is None:
        return (), text
    pairs: list[tuple[str, str]] = []
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            pairs.append((key.strip(), value.strip().strip('"')))
    return tuple(pairs), text[match.end() :]


def unmark(line: str) -> str:
    """Markdown link and emphasis syntax removed; superscript markers as "[^n]"."""
    line = P.MD_LINK_RE.sub(r"\1", line)
    line = P.MD_EMPHASIS_RE.sub(r"\2", line)
    line = P.MD_HEADING_RE.sub("", line)
    return P.SUPERSCRIPT_RUN_RE.sub(
        lambda m: f"[^{m.group().translate(_SUPERSCRIPT_DIGITS)}]", line
    )


def clean_markdown(text: str) -> CleanText:
    """Markdown conversions: one paragraph a line; footnotes as "¹ text" lines between
    paragraphs or "[^1]: text" definitions at the end (indented continuation lines);
    running heads may split a paragraph in two lines."""
    meta, body = front_matter(text)
    blocks: list[str] = []
    notes: list[list[str]] = []  # [number, text...]
    last_was_note = False
    in_body = False
    title: str | None = None  # "80/30. Convening of the fourth special session of …"
    for raw_line in body.split("\n"):
        if not raw_line.strip() or raw_line.strip() == "---":
            continue
        note = P.MD_FOOTNOTE_DEF_RE.match(raw_line) or P.MD_SUPERSCRIPT_NOTE_RE.match(
            raw_line.strip()
        )
        if note is not None:
            number = note.group("mark").translate(_SUPERSCRIPT_DIGITS)
            note_text = unmark(note.group("text"))
            if notes and int(number) != int(notes[-1][0]) + 1:
                notes[-1].append(f"{number} {note_text}")  # "[^1994]: (United Nations ..."
            else:
                notes.append([number, note_text])
            last_was_note = True
            continue
        if last_was_note and raw_line.startswith("    "):
            notes[-1].append(unmark(raw_line))  # "    Nations publication, Sales No. ..."
            continue
        last_was_note = False
        block = reflow([unmark(raw_line)])
        number_line = P.RES_NUMBER_TITLE_RE.match(block)
        if number_line is not None and not in_body:
            title = number_line.group("title").strip()
        if in_body and title and block == title:
            # a running head left between paragraphs: "Convening of the fourth special
            # session of the General Assembly" (ga-md/A_RES_80_30)
            continue
        if P.ORGAN_OPENING_RE.match(block):
            in_body = True
        elif (
            in_body
            and blocks
            and (
                continues(blocks[-1], block)
                or (
                    P.MD_HEADING_RE.match(raw_line) is None
                    and _runs_on_after_colon(blocks[-1], block)
                )
            )
        ):
            blocks[-1] = reflow([blocks[-1], block])
            continue
        blocks.append(block)
    return with_footnotes(
        SourceFormat.MARKDOWN,
        restore_lost_labels(blocks),
        [f"{n[0]} {reflow(n[1:])}" for n in notes],
        meta,
    )


def _runs_on_after_colon(previous: str, block: str) -> bool:
    """A line break after a colon inside a paragraph, in a title: "…under the Almaty
    Programme of Action:" / "Addressing the Special Needs of Landlocked Developing
    Countries …" (ga-md/A_RES_80_3, annex para. 2). The line goes on with the paragraph
    unless it opens one: a number or a label, the organ line, a heading, or an opener of
    the closed lists ("Recalling", "Decides"). Evidence that a title goes on: the word
    before the colon and two of the next line's first four are capitalized (not a list
    after a colon: "…a major contribution to:" / "International peace and security,"
    / "Eliminating chemical weapons …", ga-md/A_RES_80_34)."""
    before = previous.rstrip().removesuffix(":").split()
    if not previous.rstrip().endswith(":") or not before or not before[-1][:1].isupper():
        return False
    if sum(1 for word in block.split(None, 4)[:4] if word[:1].isupper()) < 2:
        return False
    return not (
        P.INFINITIVE_ITEM_RE.match(block)
        or P.OP_NUMBER_RE.match(block)
        or P.SUB_LABEL_RE.match(block)
        or P.ORGAN_OPENING_RE.match(block)
        or P.ROMAN_HEADING_RE.match(block)
        or P.SECTION_HEADING_RE.match(block)
        or P.BARE_LABEL_LINE_RE.match(block)
        or opens_with_listed_opener(block)
        or opens_with_listed_opener(block, operative=True)
    )


# --------------------------------------------------------------------------- ODS export


def clean_ods(text: str) -> CleanText:
    """The ODS word-processor export: one paragraph a line (tab-indented), the footnotes
    after the closing lines, then a trailer of ODS fields holding the page header
    (symbol, distribution, session, agenda item), glued together."""
    lines = text.split("\n")
    cut = next((i for i, line in enumerate(lines) if "<<ODS" in line), len(lines))
    header = ods_header(lines[cut:])
    blocks: list[str] = []
    tail: list[str] = []
    closed = False
    for line in lines[:cut]:
        if P.ODS_FIELD_RE.match(line) and not line.strip("[]DU0123456789"):
            continue
        block = reflow([line.replace("\t", " ")])
        if not block:
            continue
        if closed and P.FOOTNOTE_LINE_RE.match(block):
            tail.append(block)
            continue
        if P.PLENARY_RE.match(block):
            closed = True
        if tail:
            tail.append(block)
        else:
            blocks.append(block)
    notes, _ = footnote_entries(tail, 1)
    return with_footnotes(SourceFormat.ODS, [*header, *blocks], notes)


def ods_header(trailer: list[str]) -> list[str]:
    """Header lines rebuilt from the ODS trailer ("United NationsA/RES/69/179General
    AssemblyDistr.: General", "28 January 2015Sixty-ninth session", "Agenda item 68 (b)")."""
    text = "\n".join(trailer)
    symbol = P.ODS_SYMBOL_FIELD_RE.search(text)
    out: list[str] = ["United Nations"]
    if symbol:
        out.append(symbol.group("s").strip())
    out.append("General Assembly")
    distr = P.ODS_DISTR_RE.search(text)
    if distr:
        out.append(f"Distr.: {distr.group(1)}")
        if distr.group(2):
            out.append(distr.group(2))
    session = P.ODS_SESSION_RE.search(text)
    if session:
        out.append(f"{session.group(1)} session")
    agenda = P.ODS_AGENDA_RE.search(text)
    if agenda:
        out.append(agenda.group())
    return out


# --------------------------------------------------------------------------- Security Council OCR


def clean_sc_ocr(text: str) -> CleanText:
    """Hand-corrected OCR of the Security Council yearbooks: hard-wrapped, paragraphs
    mostly separated by blank lines (sometimes not: "weapons,\\nRecalling also"),
    editorial footnotes at the end, after the vote line."""
    lines = text.split("\n")
    body, foot = split_sc_footnotes(lines)
    notes, _ = footnote_entries(foot, None)
    return with_footnotes(SourceFormat.SC_OCR, sc_blocks(body), notes)


def split_sc_footnotes(lines: list[str]) -> tuple[list[str], list[str]]:
    """The text and the end notes standing after the vote line block
    ("Adopted at the 2079th meeting by 14 votes to none. 30" / "" / "30 One member ...")."""
    votes = [i for i, line in enumerate(lines) if P.SC_VOTE_START_RE.match(line)]
    if not votes:
        return lines, []
    end = votes[-1]
    while end < len(lines) and lines[end].strip():
        end += 1
    rest = [line for line in lines[end:] if line.strip()]
    if rest and P.FOOTNOTE_LINE_RE.match(rest[0]):
        return lines[:end], lines[end:]
    return lines, []


def sc_blocks(lines: list[str]) -> list[str]:
    """Blocks separated by blank lines, also split where a line opens a new paragraph
    right after one that ends with a comma or semicolon."""
    blocks: list[str] = []
    current: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if current:
                blocks.append(reflow(current))
                current = []
            continue
        if current and _opens_paragraph_after(current[-1], stripped):
            blocks.append(reflow(current))
            current = []
        current.append(line)
    if current:
        blocks.append(reflow(current))
    return blocks


def _opens_paragraph_after(previous: str, line: str) -> bool:
    if P.WHEREAS_RE.match(line):
        # "30 (1947). Resolution of 25 August 1947 (S/525, I]" / "Whereas the Security
        # Council on 1 August 1947 called upon …" (S_RES_0030_1947): no blank line between
        return True
    if not ends_sentence_part(previous):
        # the closing comma lost in OCR, no blank line: "…the hostilities of 5 June" /
        # "Recalling its resolution" (the verb evidence of verbs.opens_after_lost_terminal)
        # (the cheap test first: most lines go on in lower case)
        return opens_after_lost_terminal(previous, line) and (
            P.ORGAN_OPENING_RE.match(previous.strip()) is None
        )
    if P.OP_NUMBER_RE.match(line) or P.SUB_LABEL_RE.match(line):
        return True
    if P.SC_VOTE_START_RE.match(line):
        # "3. Decides to keep the situation under review." then "Adopted unanimously at
        # the 2989th" on the next line (S_RES_0694_1991): the vote line is not the text
        return True
    if P.search_end(P.COMMA_END_RE, previous) is None:
        return False
    # "Having examined the application of the Republic of / the Ivory Coast, 26" then
    # "Recommends to the General Assembly ..." (S_RES_0150_1960); not a
    # capitalized word in -ed ending a name: "…the Palestine Land Development Company, /
    # Limited, is instructed to cease all operations" is one sentence (S_RES_0093_1951)
    if continues_a_name(line):
        return False
    return looks_like_opening(line) or looks_like_operative(line)
