"""``resdex check``: verify the index (every segment readable, records decode, counts
agree), like Lucene's CheckIndex; changes nothing."""

from __future__ import annotations

import typer

from resdex.cli.common import (
    IndexOption,
    JsonOption,
    add_command,
    fail,
    print_json,
    resolve_index_dir,
)


def check(index_dir: IndexOption = None, as_json: JsonOption = False) -> None:
    """Verify the index: files, segments, postings, stored records and their counts."""
    from resdex.search.check import check_index, check_to_json

    target = resolve_index_dir(index_dir)
    report = check_index(target)
    if as_json:
        print_json(check_to_json(report))
    else:
        for s in report.segments:
            typer.echo(f"segment {s.name}: {s.problem or f'{s.documents} documents, ok'}")
        if report.ok:
            typer.echo(
                f"{report.index_dir} ({report.generation}): ok, {len(report.segments)} segments, "
                f"{report.resolutions} resolutions, {report.units} paragraphs and footnotes, "
                f"{report.terms} terms"
            )
    if not report.ok:
        fail(
            f"the index at {target} is damaged ({report.problems[0]}): "
            "rebuild it with `resdex index --rebuild PATH`"
        )


def register(app: typer.Typer) -> None:
    add_command(app, "check", check)
