"""Criteria packs: versioned TOML data describing a scheme's items and decision rules."""

from brandmark.packs.loader import load_pack, parse_pack, bundled_pack_paths
from brandmark.packs.model import (
    KINDS, STAGES, SUMMARY_STAGE, WALK_STAGES, Item, Level, Pack, Rules, Section,
)

__all__ = ["KINDS", "STAGES", "SUMMARY_STAGE", "WALK_STAGES", "Item", "Level", "Pack", "Rules", "Section",
           "load_pack", "parse_pack", "bundled_pack_paths"]
