"""``newsfold evaluate places``: toponym resolution against gold spans with coordinates."""

from __future__ import annotations

from pathlib import Path

import click

from newsfold.geo.evaluate import SYSTEMS, evaluate_places, read_corpus_texts, read_place_gold, score_places

_DEFAULT_GOLD = Path("benchmarks/gold/places.csv")


def _figure(value: float | None, fmt: str) -> str:
    return "-" if value is None else format(value, fmt)


def _echo_row(label: str, errors: list) -> None:
    s = score_places(errors)
    click.echo(
        f"{label:<20} {s.n_documents:>5} {s.n_gold:>5} {s.n_placed:>6} {s.within_161km:>8.3f}"
        f" {_figure(s.median_km, '10.1f')} {_figure(s.country_accuracy, '8.3f')}"
    )


@click.command("places")
@click.argument("corpora_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--gold",
    "gold_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=_DEFAULT_GOLD,
    show_default=True,
    help="Gold CSV of place spans with coordinates.",
)
@click.option("--split", type=click.Choice(["test", "dev", "all"]), default="test", show_default=True)
@click.option("--by-kind", is_flag=True, help="Also score each gold feature kind (country, admin1, populated_place, ...) apart.")
@click.option("--errors", "n_errors", type=int, default=0, help="Also list this many misses (dev only: never tune on test).")
def command(corpora_dir: Path, gold_path: Path, split: str, by_kind: bool, n_errors: int) -> None:
    """Score place resolution on the gold spans of BBC and Reuters articles under CORPORA_DIR.

    Prints, for newsfold and the plain population lookup, the share of gold
    mentions placed within 161 km, the median error and the country accuracy.

    \b
    Example:
        newsfold evaluate places ../shared/corpora --split test
        newsfold evaluate places ../shared/corpora --split dev --errors 20
        newsfold evaluate places ../shared/corpora --split test --by-kind
    """
    if n_errors and split != "dev":
        raise click.ClickException("--errors lists misses of the dev part only (never tune on test)")
    try:
        gold = read_place_gold(gold_path)
        gold = [g for g in gold if split == "all" or g.part == split]
        texts = read_corpus_texts(corpora_dir, {g.doc_id for g in gold})
        results = {name: evaluate_places(gold, texts, name) for name in SYSTEMS}
    except (OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{'system':<20} {'docs':>5} {'gold':>5} {'placed':>6} {'<=161km':>8} {'median km':>10} {'country':>8}")
    for name, errors in results.items():
        _echo_row(name, errors)
    if by_kind:
        for kind in sorted({g.feature_kind for g in gold}):
            for name, errors in results.items():
                _echo_row(f"  {kind[:9]} {name[:8]}", [e for e in errors if e.gold.feature_kind == kind])
    misses = [e for e in results["newsfold"] if e.km is None or e.km > 161]
    for e in sorted(misses, key=lambda e: (e.gold.doc_id, e.gold.start))[:n_errors]:
        where = "unplaced" if e.place is None else f"{e.place.name} ({e.place.kind}, {e.place.country}, {e.place.admin1}) {e.km:.0f} km"
        click.echo(f"  {e.gold.doc_id} {e.gold.surface!r} gold {e.gold.country} {e.gold.feature_kind}: {where}")
