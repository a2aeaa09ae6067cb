"""Plain-text rendering of a parsed or indexed resolution (``parse`` and ``show``)."""

from __future__ import annotations

import textwrap

from resdex.indexer.models import Citation, Paragraph, Resolution

WIDTH = 100


def _citation_line(c: Citation) -> str:
    how = f" (footnote {c.via_footnote})" if c.via_footnote is not None else ""
    extra = " ".join(x for x in (c.part, c.pinpoint) if x)
    extra = f" [{extra}]" if extra else ""
    kind = "" if c.kind == "citation" else f" ({c.kind})"
    return f"-> {c.target}{extra}{how}{kind}: “{c.surface}”"


def _paragraph_block(p: Paragraph) -> list[str]:
    depth = p.label.count("(")
    indent = "  " * depth
    head = f"{indent}{p.label}"
    if p.verb and p.parent is None:
        head += f"  [{p.opening or p.verb}]"
    if p.footnotes:
        head += "  footnotes " + ", ".join(str(n) for n in p.footnotes)
    body = textwrap.fill(
        p.text,
        WIDTH,
        initial_indent=indent + "    ",
        subsequent_indent=indent + "    ",
        break_on_hyphens=False,
    )
    lines = [head, body]
    lines += [f"{indent}    {_citation_line(c)}" for c in p.citations]
    return lines


def render_resolution(res: Resolution) -> str:
    meta = res.meta
    lines = [f"{meta.symbol}  {meta.title or ''}".rstrip()]
    facts = [
        ("body", meta.body.value),
        ("session", str(meta.session) if meta.session is not None else None),
        ("adopted", meta.adopted.isoformat() if meta.adopted else None),
        ("distributed", meta.distributed.isoformat() if meta.distributed else None),
        ("agenda", ", ".join(meta.agenda_items) or None),
        ("report", meta.report.text if meta.report else None),
        ("sponsors", ", ".join(meta.sponsors) or None),
        ("meeting", meta.meeting),
        ("vote", meta.vote),
    ]
    lines += [f"  {name}: {value}" for name, value in facts if value]
    lines += [f"  {_citation_line(c)}" for c in res.header_citations]
    lines.append("")
    for p in res.paragraphs:
        lines += _paragraph_block(p)
    if res.footnotes:
        lines += ["", "Footnotes"]
        for f in res.footnotes:
            lines.append(textwrap.fill(f"{f.number}. {f.text}", WIDTH, subsequent_indent="    "))
            lines += [f"    {_citation_line(c)}" for c in f.citations]
    return "\n".join(lines)
