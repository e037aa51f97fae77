"""``python -m flows.cli``: the same as the ``newsfold`` command."""

from flows.cli import main

main()
