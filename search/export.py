"""The index, and query results, in forms other tools read: CSV, JSON Lines, GraphML.

- ``search_rows`` / ``cites_rows``: ``resdex search --csv`` (a row per hit) and ``resdex
  cites --csv`` (a row per citing paragraph, footnote or header line).
- ``write_csv`` / ``write_jsonl``: every paragraph and footnote of the index, with its
  resolution's metadata and the documents it cites, one row (line) each.
- ``write_graphml``: the citation graph (GraphML, for Gephi, networkx, igraph): a node per
  indexed resolution and per document cited, an edge per (citing, cited) pair with the
  number of citations and the paragraphs they stand in. Written with the standard library.

Symbols in CSV and GraphML labels are written as the UN writes them ("S/RES/242 (1967)");
JSON values keep the canonical symbol; a GraphML node's id is the symbol's comparison key
(``target_key``: "s/res/242(1967)"), so that a resolution and the citations of it meet in
one node. Functions write to a text stream given to them; nothing is printed here.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO
from xml.etree import ElementTree as ET

from resdex.indexer.models import Citation, CitationKind, Resolution
from resdex.search.documents import footnote_label
from resdex.search.naming import display_symbol
from resdex.search.results import CitesResult, SearchResult, session_key
from resdex.search.schema import KIND_FOOTNOTE
from resdex.search.targets import target_key

if TYPE_CHECKING:
    from resdex.search.engine import Reader

FORMATS = ("csv", "jsonl", "graphml")
CITES_SEPARATOR = "; "  # between the symbols of a CSV cell

# --- query results ----------------------------------------------------------------------------

SEARCH_HEADER = (
    "symbol", "label", "kind", "body", "session", "year", "adopted", "verb", "title", "text",
)  # fmt: skip


def search_rows(result: SearchResult) -> Iterator[tuple[Any, ...]]:
    for h in result.hits:
        yield (
            display_symbol(h.symbol), h.label, h.kind, h.body, h.session or "", h.year or "",
            h.adopted or "", h.opening or h.verb or "", h.title or "", h.text,
        )  # fmt: skip


CITES_HEADER = (
    "target", "symbol", "body", "session", "year", "adopted", "title", "label", "kind",
    "direct", "via_footnotes", "text",
)  # fmt: skip


def cites_rows(result: CitesResult) -> Iterator[tuple[Any, ...]]:
    target = display_symbol(result.target)
    for c in result.citing:
        for u in c.units:
            yield (
                target, display_symbol(c.symbol), c.body, c.session or "", c.year or "",
                c.adopted or "", c.title or "", u.label, u.kind, "yes" if u.direct else "no",
                " ".join(str(n) for n in u.via_footnotes), CITES_SEPARATOR.join(u.surfaces),
            )  # fmt: skip


# --- the whole index --------------------------------------------------------------------------


def resolutions(index: Reader) -> list[Resolution]:
    """Every indexed resolution, in session order."""
    found = list(index.resolutions())
    found.sort(
        key=lambda r: session_key(
            r.meta.session,
            r.meta.year,
            r.meta.adopted.isoformat() if r.meta.adopted else None,
            r.meta.symbol,
        )
    )
    return found


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph or footnote with its resolution's metadata: one exported row."""

    res: Resolution
    label: str
    kind: str
    verb: str | None
    text: str
    citations: tuple[Citation, ...]  # citations only (instrument links left out)


def units(res: Resolution) -> Iterator[Unit]:
    def cited(cs: Iterable[Citation]) -> tuple[Citation, ...]:
        return tuple(c for c in cs if c.kind is CitationKind.CITATION)

    for p in res.paragraphs:
        yield Unit(res, p.label, p.kind.value, p.opening or p.verb, p.text, cited(p.citations))
    for f in res.footnotes:
        yield Unit(res, footnote_label(f.number), KIND_FOOTNOTE, None, f.text, cited(f.citations))


PARAGRAPH_HEADER = (
    "symbol", "body", "session", "year", "adopted", "title", "label", "kind", "verb", "text",
    "cites",
)  # fmt: skip


def _meta(res: Resolution) -> dict[str, Any]:
    m = res.meta
    return {
        "symbol": m.symbol,
        "body": m.body.value,
        "session": m.session,
        "year": m.year,
        "adopted": m.adopted.isoformat() if m.adopted else None,
        "title": m.title,
    }


def write_csv(index: Reader, out: TextIO) -> int:
    """Every paragraph and footnote as a CSV row (``PARAGRAPH_HEADER``); returns the rows."""
    import csv

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(PARAGRAPH_HEADER)
    n = 0
    for res in resolutions(index):
        meta = _meta(res)
        meta["symbol"] = display_symbol(res.meta.symbol)
        head = ["" if v is None else v for v in meta.values()]
        for u in units(res):
            targets = dict.fromkeys(display_symbol(c.target) for c in u.citations)
            writer.writerow(
                [*head, u.label, u.kind, u.verb or "", u.text, CITES_SEPARATOR.join(targets)]
            )
            n += 1
    return n


def write_jsonl(index: Reader, out: TextIO) -> int:
    """Every paragraph and footnote as one JSON object a line; returns the lines."""
    n = 0
    for res in resolutions(index):
        meta = _meta(res)
        for u in units(res):
            record = meta | {
                "label": u.label,
                "kind": u.kind,
                "verb": u.verb,
                "text": u.text,
                "citations": [
                    {"target": c.target, "text": c.surface, "via_footnote": c.via_footnote}
                    for c in u.citations
                ],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


# --- GraphML ----------------------------------------------------------------------------------

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
# (id, for, attr.name, attr.type)
_KEYS = (
    ("d0", "node", "label", "string"),
    ("d1", "node", "indexed", "boolean"),
    ("d2", "node", "body", "string"),
    ("d3", "node", "session", "int"),
    ("d4", "node", "year", "int"),
    ("d5", "node", "adopted", "string"),
    ("d6", "node", "title", "string"),
    ("d7", "edge", "weight", "int"),
    ("d8", "edge", "paragraphs", "string"),
)
_KEY_ID = {name: key for key, _, name, _ in _KEYS}


@dataclass(frozen=True, slots=True)
class Graph:
    nodes: dict[str, dict[str, Any]]  # node id (symbol key) -> attributes
    edges: dict[tuple[str, str], dict[str, Any]]  # (citing, cited) -> attributes


def citation_graph(found: Iterable[Resolution]) -> Graph:
    """Nodes: the resolutions, then the documents they cite that are not indexed; an edge
    from a resolution to each document it cites, ``weight`` the citations counted once each
    (``Resolution.citations``), ``paragraphs`` the labels they stand in."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    found = list(found)
    for res in found:
        meta = _meta(res)
        meta["label"] = display_symbol(meta.pop("symbol"))
        nodes[target_key(res.meta.symbol)] = {"indexed": True, **meta}
    for res in found:
        source = target_key(res.meta.symbol)
        weights: Counter[str] = Counter()
        where: dict[str, dict[str, None]] = {}
        for c in res.citations():
            key = target_key(c.target)
            nodes.setdefault(key, {"label": display_symbol(c.target), "indexed": False})
            weights[key] += 1
            place = c.location or (footnote_label(c.via_footnote) if c.via_footnote else "")
            where.setdefault(key, {})[place] = None
        for key, weight in weights.items():
            edges[(source, key)] = {"weight": weight, "paragraphs": " ".join(where[key])}
    return Graph(nodes, edges)


def _data(parent: ET.Element, attributes: dict[str, Any]) -> None:
    for name, value in attributes.items():
        if value is None or value == "":
            continue
        if isinstance(value, bool):
            value = "true" if value else "false"
        ET.SubElement(parent, "data", key=_KEY_ID[name]).text = str(value)


def graphml_tree(graph: Graph) -> ET.ElementTree:
    root = ET.Element("graphml", xmlns=GRAPHML_NS)
    for key, domain, name, kind in _KEYS:
        ET.SubElement(root, "key", {"id": key, "for": domain, "attr.name": name, "attr.type": kind})
    g = ET.SubElement(root, "graph", id="citations", edgedefault="directed")
    for node_id, attributes in graph.nodes.items():
        _data(ET.SubElement(g, "node", id=node_id), attributes)
    for (source, target), attributes in graph.edges.items():
        _data(ET.SubElement(g, "edge", source=source, target=target), attributes)
    ET.indent(root)
    return ET.ElementTree(root)


def write_graphml(index: Reader, out: TextIO) -> Graph:
    """The citation graph as GraphML; returns it."""
    graph = citation_graph(resolutions(index))
    graphml_tree(graph).write(out, encoding="unicode", xml_declaration=True)
    out.write("\n")
    return graph
