"""Where brandmark finds its bundled resources and keeps the user's data."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "brandmark"
DB_ENV = "BRANDMARK_DB"
DATA_ENV = "BRANDMARK_DATA_DIR"


def resources_dir() -> Path:
    """The bundled ``resources`` folder, from a wheel or from the source tree."""
    here = Path(__file__).resolve().parent
    # A wheel installs them as brandmark/resources; the source tree keeps them beside the package.
    installed = here / "resources"
    return installed if (installed / "packs").is_dir() else here.parent / "resources"


def packs_dir() -> Path:
    return resources_dir() / "packs"


def bundled_pack_paths() -> list[Path]:
    """The reference packs shipped inside brandmark."""
    return sorted(packs_dir().glob("*.toml"))


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def guide_path() -> Path:
    """The user guide (HTML, Chinese with English beside it; its pictures in ``images/``)."""
    return resources_dir() / "guide" / "guide.html"


def user_data_dir(create: bool = True) -> Path:
    """The per-user data folder (created on demand unless ``create`` is false);
    ``BRANDMARK_DATA_DIR`` overrides it."""
    import platformdirs   # imported here: the window's start-up does not pay for it

    override = os.environ.get(DATA_ENV)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if create:
        make_folder(path, "数据文件夹 data folder")
    return path


def make_folder(path: Path, what: str, mode: int = 0o777,
                hint: str = f"set {DATA_ENV} to another folder") -> None:
    """Create ``path`` (and its parents) or refuse, naming it: a file in the way or a folder
    without write permission is the user's to fix, not an unexpected error."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=mode)
    except OSError as exc:
        from brandmark.errors import RefusedInput
        chinese, _, english = what.partition(" ")       # "数据文件夹 data folder"
        raise RefusedInput.of("files.cannot_create_folder", path=str(path), reason=exc.strerror or str(exc),
                              hint=hint, what={"zh_CN": chinese, "en": english or chinese}) from None


def default_db_path(explicit: str | os.PathLike[str] | None = None, create_folder: bool = True) -> Path:
    """``--db`` wins, then ``BRANDMARK_DB``, then ``brandmark.db`` in the user data folder
    (which is created unless ``create_folder`` is false)."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    return user_data_dir(create=create_folder) / "brandmark.db"


BACKUPS_FOLDER = "backups"


def backups_folder(db_path: str | os.PathLike[str]) -> Path:
    """``<database folder>/backups/<database stem>``: one folder per database (here, not in
    ``store.backup``, so opening a register for a read does not import the backup code)."""
    db_path = Path(db_path)
    return db_path.parent / BACKUPS_FOLDER / db_path.stem


EVIDENCE_SUFFIX = ".evidence"


def evidence_folder(db_path: str | os.PathLike[str]) -> Path:
    """``<database file>.evidence``, beside the register: its large evidence files, named by
    their SHA-256 (``brandmark.store.evidence_files``). A copy of the register is whole only
    with this folder."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + EVIDENCE_SUFFIX)
