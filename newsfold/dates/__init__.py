"""Temporal expressions: find them, normalise them TIMEX3-style, date articles.

An article says "on Sunday", "last month", "January 3, 2020", "days later".
:func:`extract_dates` finds such expressions in a parsed article and
normalises each against the publication date (the *anchor*) and the tense of
its clause: in "the embassy was hit on Sunday", published Thursday
2020-12-24, Sunday is 2020-12-20. :func:`infer_published_date` dates an
article that came without a header date from its own content (a quoted
tweet's id, the latest full date it mentions, weekday phrases).

Values follow TIMEX3: days ``2020-12-20``, months ``2020-12``, years
``2020``, fiscal years ``FY2020``, ISO weeks ``2020-W52``, quarters ``2020-Q3``,
seasons ``2020-SU``, decades ``202X``, centuries ``20XX``, durations
``P3D``/``PT2H``/``PXY``, sets ``P1D`` (daily), ``XXXX-WXX-1`` (every Monday)
with TIMEX3 ``quant``/``freq``, times ``2020-12-20T15:00``/``2020-12-20TNI``
(``T15:00`` when no day is known), and the vague references ``PAST_REF``,
``PRESENT_REF``, ``FUTURE_REF``.

Example:
    >>> import datetime as dt
    >>> normalise_timex("last month", Context(anchor=dt.date(2020, 12, 24))).value
    '2020-11'
"""

from newsfold.dates.extract import extract_dates
from newsfold.dates.mention import DateMention
from newsfold.dates.normalise import Context, Timex, normalise_timex
from newsfold.dates.publication import decode_post_id, infer_published_date
from newsfold.dates.table import make_date_rows

__all__ = [
    "DateMention",
    "extract_dates",
    "infer_published_date",
    "decode_post_id",
    "make_date_rows",
    "normalise_timex",
    "Context",
    "Timex",
]
