"""Deciding what a run must read, and carrying the rest over.

A snapshot remembers the inputs it reflects (its manifest: path, byte hash,
status). Comparing today's inputs with it says which files are new, changed,
removed or unchanged. Rows of unchanged files are carried over from the
snapshot instead of being read and parsed again; rows of removed files simply
are not carried.

Rows that depend on *other* files (a duplicate is a duplicate of something;
a validation failure may involve an entity) are never carried: their files
are read again, so the result always equals a fresh run over today's inputs.

Example:
    >>> plan = plan_inputs([SourceFile("a.txt", 3, "0" * 64)], [], previous=None)
    >>> (plan.counts["new"], plan.is_noop)
    (1, False)
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import polars as pl

from newsfold.errors import ErrorCode
from newsfold.records import Reject, SourceFile
from newsfold.store import MANIFEST_SCHEMA, Snapshot
from schemas import LINK_COLUMNS, TABLES, Documents, Rejects, polars_schema

__all__ = [
    "PER_DOCUMENT_TABLES",
    "InputPlan",
    "CarriedRows",
    "make_manifest",
    "plan_inputs",
    "carry_over",
    "reuse_analysis",
]

#: Tables whose rows belong to one article and can be carried over with it.
PER_DOCUMENT_TABLES = ("documents", "sentences", "mentions", "quotes", "dates", "amounts")
#: Reject stages recomputed by every run rather than carried with their file.
_RECOMPUTED_STAGES = ("discover", "validate")
_STATUS_OK = "ok"
_STATUS_SETTING = "setting"
_SETTING_PREFIX = "@"


@dataclass(frozen=True)
class InputPlan:
    """What this run must do with each input.

    Attributes:
        to_read: Files to read and analyse (new, changed, or not safely carried).
        carried_paths: Unchanged files whose rows come from the previous snapshot.
        manifest: The inputs the next snapshot will reflect.
        counts: Files seen, new, changed, removed, unchanged; settings
            changed; unchanged files read again because their last read failed
            (``retried``).
        reuse_previous: False when the pipeline version changed, so nothing
            analysed by another version is carried or reused.
    """

    to_read: tuple[SourceFile, ...]
    carried_paths: frozenset[str]
    manifest: pl.DataFrame
    counts: dict[str, int] = field(default_factory=dict)
    reuse_previous: bool = True

    @property
    def is_noop(self) -> bool:
        """True when today's inputs and settings are exactly the previous snapshot's."""
        return (
            self.counts["new"] == self.counts["changed"] == self.counts["removed"] == 0
            and self.counts["settings_changed"] == 0
            and self.counts.get("retried", 0) == 0
            and self.counts["previous_snapshot"] == 1
        )


@dataclass(frozen=True)
class CarriedRows:
    """Rows of unchanged files, taken from the previous snapshot.

    Attributes:
        tables: Per-article tables, link columns (entity ids, clusters) cleared.
        rejects: Read and analyse rejects of the carried files.
    """

    tables: dict[str, pl.DataFrame]
    rejects: pl.DataFrame


def make_manifest(
    sources: Sequence[SourceFile], discover_rejects: Sequence[Reject], settings: Mapping[str, str] | None = None
) -> pl.DataFrame:
    """The manifest rows for today's inputs: files found, files refused, and settings.

    Settings (the pipeline version, the curation file's content) change the
    output as much as a file does, so they are recorded by hash beside the
    files, under ``@name`` paths that no file can have.
    """
    rows = [(s.path, s.sha256, s.size, _STATUS_OK) for s in sources]
    rows += [(r.source_path, r.source_sha256, r.source_size, r.error_code) for r in discover_rejects]
    rows += [
        (f"{_SETTING_PREFIX}{name}", hashlib.sha256(value.encode("utf-8")).hexdigest(), None, _STATUS_SETTING)
        for name, value in (settings or {}).items()
    ]
    return pl.DataFrame(rows, schema=MANIFEST_SCHEMA, orient="row").sort("path", "status")


def plan_inputs(
    sources: Sequence[SourceFile],
    discover_rejects: Sequence[Reject],
    previous: Snapshot | None,
    settings: Mapping[str, str] | None = None,
) -> InputPlan:
    """Compare today's inputs with the previous snapshot's.

    Args:
        sources: Files discovered today.
        discover_rejects: Files refused at discovery today.
        previous: The current snapshot, or None for a new dataset.
        settings: Values that shape the output besides the files, e.g.
            ``{"pipeline_version": "0.1.0", "curation": "<file text>"}``.
            A changed ``pipeline_version`` makes every file be read again; a
            changed ``max_bytes`` re-reads the files its old value refused
            after gunzip, a changed ``max_chars`` the articles whose analysis
            failed.

    An unchanged file is read again when its last read failed for a reason
    that may pass (NF109: it vanished or changed between discovery and
    reading), so a run is never a no-op while such a file waits.
    """
    manifest = make_manifest(sources, discover_rejects, settings)
    before = pl.DataFrame(schema=MANIFEST_SCHEMA) if previous is None else previous.read_manifest()
    old, old_settings = _split_settings(before)
    new, new_settings = _split_settings(manifest)
    unchanged = {path for path, state in new.items() if old.get(path) == state}
    must_reread: set[str] = set()
    retried: set[str] = set()
    if previous is not None:
        must_reread = _paths_with_recomputed_rows(previous)
        changed = {name.removeprefix(_SETTING_PREFIX) for name in old_settings.keys() | new_settings.keys()
                   if old_settings.get(name) != new_settings.get(name)}
        retried = _paths_to_retry(previous, changed_settings=changed)
        retried &= unchanged
        must_reread |= retried
    counts = {
        "seen": len(new),
        "new": sum(1 for path in new if path not in old),
        "changed": sum(1 for path in new if path in old and old[path] != new[path]),
        "removed": sum(1 for path in old if path not in new),
        "unchanged": len(unchanged),
        "settings_changed": sum(1 for name in old_settings.keys() | new_settings.keys()
                                if old_settings.get(name) != new_settings.get(name)),
        "previous_snapshot": int(previous is not None),
        "retried": len(retried),
    }
    version_key = f"{_SETTING_PREFIX}pipeline_version"
    reuse = previous is not None and old_settings.get(version_key) == new_settings.get(version_key)
    carried = frozenset(unchanged - must_reread) if reuse else frozenset()
    to_read = tuple(s for s in sources if s.path not in carried)
    return InputPlan(to_read=to_read, carried_paths=carried, manifest=manifest, counts=counts, reuse_previous=reuse)


def _split_settings(manifest: pl.DataFrame) -> tuple[dict[str, tuple], dict[str, str]]:
    """(path -> (sha256, status, size)) for files, (setting path -> hash) for settings.

    The size tells apart two states of a file refused unread (no hash): an
    oversized file that grew is refused again, with its new size.
    """
    files, settings = {}, {}
    for row in manifest.iter_rows(named=True):
        if row["status"] == _STATUS_SETTING:
            settings[row["path"]] = row["sha256"]
        else:
            files[row["path"]] = (row["sha256"], row["status"], row["size"])
    return files, settings


def _paths_with_recomputed_rows(previous: Snapshot) -> set[str]:
    """Files whose rows in the snapshot depend on other files."""
    rejects = previous.read_table("rejects")
    flagged = rejects.filter(
        pl.col(Rejects.stage).is_in(["validate"])
        | (pl.col(Rejects.error_code) == ErrorCode.DUPLICATE_DOCUMENT.value)
    )
    return set(flagged[Rejects.source_path].drop_nulls().to_list())


def _paths_to_retry(previous: Snapshot, *, changed_settings: set[str]) -> set[str]:
    """Files whose last read or analysis failed for a reason that may have passed.

    NF109 at the read stage: the file vanished or changed between discovery
    and reading; always retried. NF104 at the read stage (too big once
    gunzipped) when ``max_bytes`` changed; analysis failures (NF201, e.g. an
    article over the character limit) when ``max_chars`` changed.
    """
    rejects = previous.read_table("rejects")
    wanted = (pl.col(Rejects.stage) == "read") & (pl.col(Rejects.error_code) == ErrorCode.UNREADABLE_FILE.value)
    if "max_bytes" in changed_settings:
        wanted |= (pl.col(Rejects.stage) == "read") & (pl.col(Rejects.error_code) == ErrorCode.OVERSIZED_FILE.value)
    if "max_chars" in changed_settings:
        wanted |= pl.col(Rejects.stage) == "analyse"
    return set(rejects.filter(wanted)[Rejects.source_path].drop_nulls().to_list())


def carry_over(previous: Snapshot | None, carried_paths: frozenset[str]) -> CarriedRows:
    """Rows of ``carried_paths`` from the previous snapshot, links cleared."""
    if previous is None or not carried_paths:
        return CarriedRows(tables={}, rejects=pl.DataFrame(schema=polars_schema(Rejects)))
    paths = sorted(carried_paths)
    documents = previous.read_table("documents").filter(pl.col(Documents.source_path).is_in(paths))
    doc_ids = documents[Documents.doc_id].to_list()
    tables = {"documents": documents}
    for name in PER_DOCUMENT_TABLES[1:]:
        tables[name] = clear_links(name, previous.read_table(name).filter(pl.col("doc_id").is_in(doc_ids)))
    rejects = previous.read_table("rejects").filter(
        pl.col(Rejects.source_path).is_in(paths)
        & ~pl.col(Rejects.stage).is_in(list(_RECOMPUTED_STAGES))
        & (pl.col(Rejects.error_code) != ErrorCode.DUPLICATE_DOCUMENT.value)
    )
    return CarriedRows(tables=tables, rejects=rejects)



def reuse_analysis(previous: Snapshot | None, doc_ids: Sequence[str]) -> tuple[pl.DataFrame, dict[str, pl.DataFrame]]:
    """Analysis already in the snapshot for articles read again (moved or re-read files).

    An article's analysis depends only on its content, which its doc_id
    hashes, so rows found under the same doc_id are exactly what parsing it
    again would give.

    Returns:
        Per-article facts (doc_id, n_words, n_sentences, published_date,
        published_date_source) of the ids found, and their per-article rows.
    """
    empty = pl.DataFrame(schema={"doc_id": pl.String})
    if previous is None or not doc_ids:
        return empty, {}
    documents = previous.read_table("documents").filter(pl.col(Documents.doc_id).is_in(list(doc_ids)))
    if documents.height == 0:
        return empty, {}
    found = documents[Documents.doc_id].to_list()
    facts = documents.select(
        Documents.doc_id,
        Documents.n_words,
        Documents.n_sentences,
        Documents.published_date,
        # Only an inferred date is analysis output; a header date comes from the reader again.
        pl.when(pl.col(Documents.published_date_source).str.starts_with("content_"))
        .then(pl.col(Documents.published_date_source))
        .alias(Documents.published_date_source),
    )
    tables = {
        name: clear_links(name, previous.read_table(name).filter(pl.col("doc_id").is_in(found)))
        for name in PER_DOCUMENT_TABLES[1:]
    }
    return facts, tables


def clear_links(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with its dataset-wide link columns set to null, to be recomputed."""
    schema = polars_schema(TABLES[name])
    return frame.with_columns([pl.lit(None, dtype=schema[c]).alias(c) for c in LINK_COLUMNS.get(name, ())])
