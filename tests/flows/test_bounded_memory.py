"""A long article analysed by workers capped in memory: committed whole (issue 13, items 2 and 7).

A worker analyses one section of a long article at a time, so its memory
depends on the section, not on the article: under a cap that a worker handed
the whole article exceeds, the article is still analysed and committed. The
sections' rows wait on disk until the workers are done (not in the main
process beside them), and that disk space is given back by the end of the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsfold.limits import WORKER_MEMORY_VARIABLE
from newsfold.load import read_tables
from tests.hostile import long_article

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]

#: Long enough for 15 sections and for the analysis to go to workers, short enough for a test.
ARTICLE_CHARS = 1_500_000
#: Each worker's data segment cap (RLIMIT_DATA, set by the worker from NEWSFOLD_WORKER_MEMORY_MB).
#: Measured on 2026-12-02 (docs/benchmarks.md): a worker analysing sections one by one stays under
#: about 480 MB of data segment (the model with the registry ruler takes about 440) whatever the
#: article's length; a worker handed the whole article in one unit of work, as before, parses its
#: sections in batches of 160,000 characters (+320 MB) and keeps every section's rows (+80 MB per MB
#: of text), and fails on the article under this cap (NF201, the document is lost).
#: Why not a limit on the whole run set in ``preexec_fn``: the main process holds the text, and all the
#: rows once the workers are done (they wait on disk meanwhile), and its data segment is already about 1.9 GB on a tiny input
#: (threads' malloc arenas, Prefect, the registry), so any limit it survives is one no worker reaches
#: on a few MB. RLIMIT_AS is worse still: a worker holding 0.4 GB has 1.1 GB of address space.
WORKER_MEMORY_MB = 640


def test_a_long_article_is_committed_by_workers_capped_in_memory(prefect_api, tmp_path):
    raw, out, scratch = tmp_path / "raw", tmp_path / "output", tmp_path / "scratch"
    raw.mkdir()
    scratch.mkdir()
    text = long_article(ARTICLE_CHARS)
    (raw / "long.txt").write_text(text, encoding="utf-8")
    limit = str(len(text.encode("utf-8")) + 1)
    env = {
        **os.environ,
        "PREFECT_API_URL": prefect_api,  # the session's server: no temporary one to start
        WORKER_MEMORY_VARIABLE: str(WORKER_MEMORY_MB),
        "TMPDIR": str(scratch),  # where the run spills the sections' rows
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-m", "flows.cli", "run", str(raw), "--out", str(out), "-q",
               "--workers", "2", "--max-chars", limit, "--max-bytes", limit]

    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=1800)

    assert result.returncode == 0, result.stderr[-3000:]
    tables = read_tables(out)
    assert tables["rejects"]["message"].to_list() == []
    assert tables["documents"]["source_path"].to_list() == ["long.txt"]
    sentences = tables["sentences"]
    assert sentences.height == tables["documents"]["n_sentences"].item() > ARTICLE_CHARS // 300
    assert sentences["end"].max() > len(text) - 300  # analysed to its end
    in_order = sentences.sort("sentence_index")  # numbered across sections spilled and read back
    assert in_order["sentence_index"].to_list() == list(range(sentences.height))
    assert in_order["start"].is_sorted()
    assert sorted(path.name for path in scratch.iterdir() if path.name.startswith("newsfold-")) == []
