"""Signed files between registers: people's cards, assignments, assessors' work and
enterprises' self-assessments (``.bmx`` bundles). See docs/exchange.md.

The window and the CLI call the functions re-exported here; their names stay stable.
"""

from brandmark.exchange.cards import export_card, import_card, update_card
from brandmark.exchange.core import (
    assign, conflicts, export_assessment, import_bundle, preview, resolve_conflict, save_attached_evidence,
    self_assessments,
)

__all__ = ["assign", "conflicts", "export_assessment", "export_card", "import_bundle", "import_card", "preview",
           "resolve_conflict", "save_attached_evidence", "self_assessments", "update_card"]
