"""newsfold: raw news articles in, a validated analytics-ready dataset out.

The package is the functional core. Data moves one way through its stages:
:mod:`newsfold.discover` and :mod:`newsfold.ingest` read, :mod:`newsfold.analyse`
annotates, :mod:`newsfold.names` resolves, :mod:`newsfold.validate` checks and
:mod:`newsfold.store` commits. Nothing here imports Prefect; the flows in
``flows/`` wire these functions together.
"""

__version__ = "0.2.0"
