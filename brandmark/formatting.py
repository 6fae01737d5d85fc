"""Quantities as people read them, the same in the reports, the command line and the window.

>>> format_size(812), format_size(3482), format_size(1258291)
('812 B', '3.4 KB', '1.2 MB')
"""

from __future__ import annotations

import datetime as dt


def format_size(size: int) -> str:
    """A file size for people: ``"812 B"``, ``"3.4 KB"``, ``"1.2 MB"``."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def _moment(stamp: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def local_moment(stamp: str | None, zone: dt.tzinfo) -> str:
    """A stored moment (ISO 8601 with its UTC offset) to the minute, in the body's time zone:
    the register keeps UTC, a person in Hangzhou reads Hangzhou time.

    >>> from zoneinfo import ZoneInfo
    >>> local_moment("2026-12-01T19:47:10+00:00", ZoneInfo("Asia/Shanghai"))
    '2026-12-02 03:47'

    A value with no offset (or not a moment at all) is shown as it is written.
    """
    if not stamp:
        return ""
    moment = _moment(stamp)
    if moment is None:
        return stamp[:16].replace("T", " ")
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def local_date(stamp: str | None, zone: dt.tzinfo | None) -> str:
    """The body's calendar day of a stored moment (a decision at 07:30 in Hangzhou is that
    day's, not the day before in UTC).

    >>> from zoneinfo import ZoneInfo
    >>> local_date("2026-12-01T23:30:00+00:00", ZoneInfo("Asia/Shanghai")), local_date("2026-09-25", None)
    ('2026-12-02', '2026-09-25')
    """
    if not stamp:
        return ""
    moment = _moment(stamp)
    if moment is None or zone is None:
        return stamp[:10]
    return moment.astimezone(zone).date().isoformat()
