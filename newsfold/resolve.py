"""The dataset-wide stage: entity links, the entities table, quote clusters, stories.

Everything per article is done by then; what is left needs all articles at
once. It is recomputed over the whole dataset on every run, so ids and links never
depend on which run saw what first; what it computes per spelling or per
article is kept between runs (:mod:`newsfold.memo`), so a run does that part
for what is new only.

Example:
    >>> linked = link_dataset({"documents": documents, "mentions": mentions, "quotes": quotes})  # doctest: +SKIP
    >>> sorted(linked)  # doctest: +SKIP
    ['documents', 'entities', 'mentions', 'quotes', 'stories']
"""

from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Callable, Collection, Mapping

import numpy as np
import polars as pl

from newsfold.frames import columns_of
from newsfold.geo.entities import link_datelines, place_entities
from newsfold.geo.gazetteer import load_gazetteer
from newsfold.memo import Memo
from newsfold.names import Curation, resolve_entities
from newsfold.names.symbols import part_analyses_kept_in
from newsfold.quotes import cluster_quotes
from newsfold.stages import return_free_memory
from schemas import LINK_COLUMNS, TABLES, Documents, Mentions, Quotes, polars_schema

__all__ = ["link_dataset", "release_resolver_data"]

def link_dataset(
    tables: Mapping[str, pl.DataFrame],
    curation: Curation | None = None,
    release: bool = False,
    memo: Memo | None = None,
) -> dict[str, pl.DataFrame]:
    """Resolve every mention and quote speaker; build entities; cluster quotes and stories.

    Args:
        tables: documents, mentions and quotes of the whole dataset (others
            pass through untouched).
        curation: The user's merge/split/rename rules, if any.
        release: Free what each step loaded once it is done (:func:`release_resolver_data`):
            the name data after the names are resolved, the gazetteer and the
            registry after geocoding, so a large run's stories are built without
            them (docs/benchmarks.md). The same rows either way.
        memo: What an earlier run computed per spelling and per article
            (:mod:`newsfold.memo`): registry links, name-part analyses,
            geocodes, shingles. Only
            what it lacks is computed, and added to it for the next run. The
            same rows with or without it.

    Returns:
        ``tables`` with mentions and quotes linked, documents given their
        story (and near-duplicate original), and ``entities`` and ``stories`` tables.
    """
    documents, mentions, quotes = tables["documents"], tables["mentions"], tables["quotes"]
    speakers = quotes.join(
        mentions.select(
            pl.col(Mentions.mention_id).alias(Quotes.speaker_mention_id),
            pl.col(Mentions.start).alias("speaker_name_start"),
            pl.col(Mentions.end).alias("speaker_name_end"),
        ),
        on=Quotes.speaker_mention_id,
        how="left",
    ).select(
        Quotes.quote_id,
        Quotes.doc_id,
        Quotes.speaker_name,
        pl.col(Quotes.speaker_label),
        pl.col("speaker_name_start").alias("speaker_start"),
        pl.col("speaker_name_end").alias("speaker_end"),
    ).filter(pl.col(Quotes.speaker_name).is_not_null())
    with part_analyses_kept_in(memo):
        resolution = resolve_entities(
            mentions.drop(LINK_COLUMNS["mentions"]),
            columns_of(documents, Documents.doc_id, Documents.published_date, Documents.text),
            speakers,
            curation,
            memo,
        )
    dateline_links = link_datelines(documents)  # the registry's last use: geocoding needs only these
    if release:
        # The gazetteer stays when it is loaded: geocoding needs it next, and building it again costs
        # about 8 s. Loaded before resolution (a run with little new text), it is in that peak already;
        # a run with much new text loads it only now, after the registry has gone.
        release_resolver_data(keep=(load_gazetteer,))
    linked_mentions = _with_links(mentions.drop(LINK_COLUMNS["mentions"]), resolution.mention_links).select(
        polars_schema(TABLES["mentions"]).names()
    )
    speaker_links = resolution.speaker_links.select(
        Quotes.quote_id, pl.col("entity_id").alias(Quotes.speaker_entity_id)
    )
    resolved_entities = resolution.entities
    del resolution  # its mention links are columns of linked_mentions now; not kept through geocoding (68 MB at 50 MB of text)
    linked_quotes = quotes.drop(Quotes.speaker_entity_id).join(speaker_links, on=Quotes.quote_id, how="left")
    clustered = linked_quotes.join(
        columns_of(documents, Documents.doc_id, Documents.published_date), on=Quotes.doc_id, how="left"
    )
    linked_quotes = linked_quotes.with_columns(
        cluster_quotes(clustered, memo=memo).alias(Quotes.quote_cluster_id)
    ).select(polars_schema(TABLES["quotes"]).names())
    # Places on the map: geocode place mentions in their article's context, one entity per real place (newsfold.geo).
    entities, linked_mentions = place_entities(resolved_entities, linked_mentions, documents, dateline_links=dateline_links, memo=memo)
    if release:
        release_resolver_data()
    # Stories come last: entity ids are their strongest signal across translations and spellings.
    # Imported here, not with this module: scikit-learn's 60 MB stay out of a large run's peak, in
    # resolve_entities; a small run imports it while its workers parse (flows.pipeline._load_resolver).
    from newsfold.stories import build_stories

    linked_documents, stories = build_stories(
        documents.drop(LINK_COLUMNS["documents"]), linked_mentions, tables["dates"], tables["amounts"], memo=memo
    )
    return {
        **tables,
        "documents": linked_documents.select(polars_schema(TABLES["documents"]).names()),
        "mentions": linked_mentions,
        "quotes": linked_quotes,
        "entities": entities,
        "stories": stories,
    }



def _with_links(mentions: pl.DataFrame, links: pl.DataFrame) -> pl.DataFrame:
    """``mentions`` with the columns of ``links`` (by mention_id), their own columns shared, not copied.

    ``resolve_entities`` gives one link per mention, sorted by mention_id, so
    the links are put in the mentions' order by inverting that sort. A join
    would gather every column of a long article's million mentions again
    (their texts and ids: about 150 MB at 50 MB of text). Links of any other
    shape are joined.

    Example:
        >>> mentions = pl.DataFrame({"mention_id": ["m2", "m1"], "text": ["Iraq", "Iran"]})
        >>> links = pl.DataFrame({"mention_id": ["m1", "m2"], "entity_id": ["ent_iran", "ent_iraq"]})
        >>> _with_links(mentions, links).rows()
        [('m2', 'Iraq', 'ent_iraq'), ('m1', 'Iran', 'ent_iran')]
    """
    ids = mentions[Mentions.mention_id]
    order = ids.arg_sort()
    if links.height != mentions.height or not links[Mentions.mention_id].equals(ids.gather(order), check_names=False):
        return mentions.join(links, on=Mentions.mention_id, how="left", maintain_order="left")
    to_mentions_order = np.empty(len(order), dtype=np.int64)
    to_mentions_order[order.to_numpy()] = np.arange(len(order))
    return mentions.with_columns(links.drop(Mentions.mention_id)[to_mentions_order])


def release_resolver_data(keep: Collection[Callable] = ()) -> int:
    """Forget what resolution loaded (the registry, the gazetteer, the name caches) and give the memory back.

    They are loaded once per process and kept (``functools.cache``) for the
    next run in the same process; after the last resolution of a large run they
    are about 640 MB that validation and the commit do not need. Every
    module-level cache of newsfold's loaded modules is cleared (each is a
    memo: whatever needs it again rebuilds it), the objects the registry
    froze out of the collector's sight are collected, and the C allocator is
    asked to return its free pages to the system (glibc's ``malloc_trim``;
    elsewhere the memory stays reusable by this process).

    Args:
        keep: Cached functions whose results stay (the gazetteer, for geocoding next).

    Returns:
        The number of caches cleared.

    Example:
        >>> release_resolver_data() >= 0
        True
    """
    cleared = 0
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "newsfold" or name.startswith("newsfold.")):
            continue
        for value in list(vars(module).values()):
            if (
                isinstance(value, functools._lru_cache_wrapper)
                and getattr(value, "__module__", None) == name
                and value not in keep
            ):
                value.cache_clear()
                cleared += 1
    gc.unfreeze()  # load_registry froze its objects; unreachable now, they must be visible to be collected
    return_free_memory()  # collects, then trims
    return cleared
