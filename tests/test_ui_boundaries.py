"""The window reaches the store and the reports only through their public entry points.

Policy and formatting that the window shares with the core (the walk-through's stages, the
decisions a verdict allows, how a size or an amount reads) live in core modules the window
may import freely (``packs.model``, ``scoring.*``, ``certificates.statuses``, ``formatting``…).
Of ``brandmark.store`` and ``brandmark.reports`` it imports only what is meant to be called:

- ``Store`` (every register action goes through it);
- the operations on a database *file* rather than an open store: backups
  (``store.backup``, the module is its public API, the CLI uses it the same way), the guard of
  the register's own files, the verification of a register file, removing the demo data;
- the report writers, any ``write_*`` of a reports module (and the valuation report's data,
  which the brand value page hands to its writer).

A store or reports module not listed here is an internal: importing it from the window fails
this test, so a constant or a formatter needed by both moves below both instead.
"""

from __future__ import annotations

import ast
from pathlib import Path

from support import REPO

UI = REPO / "brandmark" / "ui"

# module -> the names the window may import from it ("*": the whole module is its public API)
PUBLIC = {
    "brandmark.store": {"Store"},
    "brandmark.store.backup": {"*"},
    "brandmark.store.guard": {"*"},
    "brandmark.store.verify": {"Verification", "verify_file"},
    "brandmark.store.demo_removal": {"remove_demo"},
    "brandmark.reports.valuation_report": {"ValuationReport"},
}
GUARDED_PACKAGES = ("brandmark.store", "brandmark.reports")


def _is_submodule(package: str, name: str) -> bool:
    folder = REPO.joinpath(*package.split("."))
    return (folder / f"{name}.py").exists() or (folder / name / "__init__.py").exists()


def imported_names(path: Path) -> list[tuple[int, str, str]]:
    """(line, module, name) for every import of a store or reports module in one file;
    ``from brandmark.store import backup`` is an import of the module ``brandmark.store.backup``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(GUARDED_PACKAGES):
                    found.append((node.lineno, alias.name, "*"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module != "brandmark" and not node.module.startswith(GUARDED_PACKAGES):
                continue
            for alias in node.names:
                if _is_submodule(node.module, alias.name):
                    module = f"{node.module}.{alias.name}"
                    if module.startswith(GUARDED_PACKAGES):
                        found.append((node.lineno, module, "*"))
                elif node.module != "brandmark":
                    found.append((node.lineno, node.module, alias.name))
    return found


def reaches_into_internals(path: Path) -> list[str]:
    wrong = []
    for line, module, name in imported_names(path):
        allowed = PUBLIC.get(module, set())
        writer = module.startswith("brandmark.reports") and name.startswith("write_")
        if "*" not in allowed and name not in allowed and not writer:
            what = module if name == "*" else f"{module}.{name}"
            shown = path.relative_to(REPO) if path.is_relative_to(REPO) else path.name
            wrong.append(f"{shown}:{line} imports {what}")
    return wrong


def test_the_window_imports_only_the_public_entry_points_of_store_and_reports():
    wrong = [problem for path in sorted(UI.rglob("*.py")) for problem in reaches_into_internals(path)]
    assert wrong == [], "\n".join(wrong)


def test_the_check_sees_the_imports_it_allows_and_refuses_the_others(tmp_path):
    """Guard against a check that sees nothing: the window's real imports are found, and the
    forms an internal import can take are each refused."""
    seen = {(module, name) for path in UI.rglob("*.py") for _line, module, name in imported_names(path)}
    assert ("brandmark.store", "Store") in seen
    assert ("brandmark.store.backup", "*") in seen
    assert ("brandmark.reports.valuation_report", "write_valuation_report") in seen

    sample = tmp_path / "qt_sample.py"
    sample.write_text("from brandmark.store.assessments import Assessments\n"
                      "from brandmark.store import people\n"
                      "import brandmark.store.settings\n"
                      "from brandmark.reports.labels import label\n"
                      "from brandmark.reports.audit_plan import write_audit_plan\n"
                      "from brandmark.store import Store\n", encoding="utf-8")
    assert [problem.split(" imports ")[1] for problem in reaches_into_internals(sample)] == [
        "brandmark.store.assessments.Assessments", "brandmark.store.people", "brandmark.store.settings",
        "brandmark.reports.labels.label"]


SQL_CALLS = {"query", "execute", "executemany", "executescript"}


def sql_from_the_window(path: Path) -> list[str]:
    """Calls like ``store.db.query(...)`` or ``store.conn.execute(...)``: SQL lives in the store."""
    wrong = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS
                and isinstance(node.func.value, ast.Attribute) and node.func.value.attr in ("db", "conn")):
            wrong.append(f"{path.name}:{node.lineno} runs SQL ({node.func.value.attr}.{node.func.attr})")
    return wrong


def test_the_window_runs_no_sql_of_its_own():
    wrong = [problem for path in sorted(UI.rglob("*.py")) for problem in sql_from_the_window(path)]
    assert wrong == [], "\n".join(wrong)


def test_the_sql_check_sees_both_forms(tmp_path):
    sample = tmp_path / "qt_sample.py"
    sample.write_text("rows = store.db.query('SELECT 1')\nstore.conn.execute('DELETE FROM x')\n"
                      "store.applications.list()\n", encoding="utf-8")
    assert [p.split(" runs ")[1] for p in sql_from_the_window(sample)] == ["SQL (db.query)", "SQL (conn.execute)"]
