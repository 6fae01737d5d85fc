"""Quantities as people read them, the same in the reports, the command line and the window.

>>> format_size(812), format_size(3482), format_size(1258291)
('812 B', '3.4 KB', '1.2 MB')
"""

from __future__ import annotations


def format_size(size: int) -> str:
    """A file size for people: ``"812 B"``, ``"3.4 KB"``, ``"1.2 MB"``."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
