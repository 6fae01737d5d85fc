"""Constants and helpers shared by the core tests (imported as ``support``; pytest puts
``tests/`` on ``sys.path`` because it has no ``__init__.py``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
MINI_PACK = FIXTURES / "mini.toml"
REPO = Path(__file__).resolve().parent.parent

FIXED_NOW = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.timezone.utc)

# Answers for the mini pack that grant: everything conforms, tests pass, points at target.
MINI_GRANT = {"V1": "pass", "T1": "97.0", "T2": ["0.20", "0.21"], "C1": "conform",
              "C2": "conform", "P1": 3, "P2": 2}


def pack_text(sections: list[dict], rules: str = "", pack_id: str = "gen", version: str = "1") -> str:
    """Pack TOML from plain data: ``[{"weight": 30, "items": [{"id": "A", "kind": "veto"}, ...]}]``.

    Item dicts may carry ``weight``, ``required``, ``levels`` (a count), ``target``,
    ``limit``, ``method``, ``samples``.
    """
    lines = ["format = 1", "[pack]", f'id = "{pack_id}"', f'version = "{version}"', 'title = "生成的方案"',
             "[rules]", rules]
    for s_index, section in enumerate(sections):
        lines += ["[[sections]]", f'id = "s{s_index}"', 'stage = "audit"', f'title = "节{s_index}"',
                  f"weight = {section['weight']}"]
        for item in section["items"]:
            lines += ["[[sections.items]]", f'id = "{item["id"]}"', f'kind = "{item["kind"]}"',
                      f'title = "项{item["id"]}"']
            if "weight" in item:
                lines.append(f"weight = {item['weight']}")
            if "required" in item:
                lines.append(f"required = {'true' if item['required'] else 'false'}")
            if item["kind"] == "points":
                lines.append("levels = [" + ", ".join(f'"L{n}"' for n in range(item.get("levels", 5))) + "]")
                if item.get("target") is not None:
                    lines.append(f"target = {item['target']}")
            if item["kind"] == "test":
                lines += ['quantity = "q"', f'limit = "{item.get("limit", ">=97.0")}"',
                          f'method = "{item.get("method", "full")}"', f"samples = {item.get('samples', 1)}"]
    return "\n".join(lines) + "\n"
