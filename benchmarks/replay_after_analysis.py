"""Peak memory of a run's stages after the analysis, replayed in one process on a committed dataset.

Usage:

    python benchmarks/replay_after_analysis.py OUTPUT [--code DIR]

A long text takes most of an hour to analyse on a busy machine; the stages
after it (resolution, validation, the final sort and the commit) are where a
run's main process peaks (docs/benchmarks.md, "One very long text"). This
script reads the per-article tables of a dataset that ``newsfold run``
committed (``OUTPUT``, e.g. one kept from ``bench_long_text.py --keep``) as
the flow holds them once its workers have ended, then runs the same stages
as the flow, in the same order, into a fresh temporary output, and prints one
JSON object: this process's resident memory before the stages and its peak
during each (``VmHWM``, reset as each begins), and the rows written.

``--code DIR`` runs another checkout's code (say, the commit before a change)
on the same tables. Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="a dataset committed by newsfold run")
    parser.add_argument("--code", type=Path, default=Path(__file__).resolve().parents[1],
                        help="the checkout whose code runs the stages (default: this one)")
    parser.add_argument("--release", action="store_true",
                        help="release the resolver's data whatever the text's size (the flow does above 5 MB)")
    args = parser.parse_args()
    sys.path.insert(0, str(args.code.resolve()))

    import flows  # noqa: F401 - first, as in `newsfold run`: it sets Polars' allocator before Polars loads
    import polars as pl

    from newsfold.assemble import sort_table
    from newsfold.incremental import PER_DOCUMENT_TABLES
    from newsfold.stages import StageClock, peak_rss_bytes
    from newsfold.store import commit_snapshot, current_snapshot
    from newsfold.validate import split_valid_rows
    from schemas import Documents, Runs, polars_schema

    try:  # the flow's module, as a run has it loaded (Prefect); the release exists from this change on
        from flows.pipeline import RELEASE_RESOLVER_MIN_BYTES
        from newsfold.resolve import release_resolver_data
    except ImportError:
        RELEASE_RESOLVER_MIN_BYTES, release_resolver_data = None, None

    clock = StageClock(track_memory=True)
    with clock.measure("read the tables"):
        snapshot = current_snapshot(args.output)
        tables = {name: snapshot.read_table(name) for name in PER_DOCUMENT_TABLES}
        earlier_rejects = snapshot.read_table("rejects")
        manifest = snapshot.read_manifest()
    before = peak_rss_bytes()
    started = time.perf_counter()
    with clock.measure("resolve"):
        from newsfold.names import load_curation  # noqa: F401 - imported as the flow's task does
        from newsfold.resolve import link_dataset

        text_bytes = tables["documents"][Documents.text].str.len_bytes().sum()
        release = release_resolver_data is not None and (args.release or text_bytes > RELEASE_RESOLVER_MIN_BYTES)
        memo = None
        try:  # as the flow does from the memo's change on: a fresh output's memo is empty, and fills
            from newsfold.memo import Memo, memo_salt

            memo = Memo(memo_salt())
            linked = link_dataset(tables, release=release, memo=memo)
        except ImportError:
            try:  # from this change on, the flow releases the name data inside resolution already
                linked = link_dataset(tables, release=release)
            except TypeError:
                linked = link_dataset(tables)
        del tables
        if release:
            release_resolver_data()
    with clock.measure("validate"):
        outcome = split_valid_rows(linked, run_id="run_replay")
        del linked
    with clock.measure("assemble"):
        rejects = pl.concat([earlier_rejects, outcome.rejects], how="vertical")
        unsorted = {**outcome.tables, "rejects": rejects, "runs": pl.DataFrame(schema=polars_schema(Runs))}
        del outcome, rejects
        final = {name: sort_table(name, unsorted.pop(name)) for name in list(unsorted)}
    rows = {name: frame.height for name, frame in final.items()}
    with tempfile.TemporaryDirectory() as scratch, clock.measure("commit"):
        commit_snapshot(Path(scratch) / "output", final, manifest, version="run_replay", metadata={})
        if memo is not None:
            from newsfold.memo import write_memo

            write_memo(Path(scratch) / "output", memo)
    report = {
        "code": str(args.code),
        "seconds": round(time.perf_counter() - started, 1),
        "rss_before_stages_mb": round((before or 0) / 2**20, 1),
        "peak_mb_by_stage": {stage: round(peak / 2**20, 1) for stage, peak in clock.peak_rss.items()},
        "rows": rows,
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
