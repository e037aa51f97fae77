"""The shell: Prefect flows, deployments and the ``newsfold`` command line.

Everything here is orchestration. The work itself is done by plain functions in
:mod:`newsfold`, which never import Prefect.
"""
