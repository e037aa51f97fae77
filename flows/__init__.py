"""The shell: Prefect flows, deployments and the ``newsfold`` command line.

Everything here is orchestration. The work itself is done by plain functions in
:mod:`newsfold`, which never import Prefect.
"""

import os

# Prefect's server otherwise reports usage to its vendor; newsfold runs offline.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
# Read by Polars' allocator (jemalloc) as Polars loads, so set before anything imports it: freed
# pages go back to the system at once, not after Polars' 0.5 s and 1 s of decay. A long
# article's stages free hundreds of MB that the next allocation would otherwise add to;
# on the 50 MB text it cut validation's peak by 170 MB (docs/benchmarks.md). Workers inherit it.
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")
