"""The shell: Prefect flows, deployments and the ``newsfold`` command line.

Everything here is orchestration. The work itself is done by plain functions in
:mod:`newsfold`, which never import Prefect.
"""

import os

# Prefect's server otherwise reports usage to its vendor; newsfold runs offline.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
