#!/usr/bin/env bash
# Build the Linux bundle: a PyInstaller one-folder build of installers/brandmark.spec
# (both entry points, brandmark and brandmark-cli) and a .tar.gz of it; an AppImage too
# when appimagetool is on PATH (no package registry we use ships it: see README.md).
#
#     bash installers/build-linux.sh          # → dist/brandmark/, dist/brandmark-VERSION-linux-ARCH.tar.gz
#
# PyInstaller runs from its own venv (build/pyinstaller-venv), never the test venv, so no
# test package can be picked up. Unpack the tarball anywhere and run brandmark/brandmark.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/build/pyinstaller-venv"
VERSION="$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
ARCH="$(uname -m)"
NAME="brandmark-$VERSION-linux-$ARCH"

if [ ! -x "$VENV/bin/pyinstaller" ]; then
    echo "build venv: $VENV"
    "$PYTHON" -m venv "$VENV"
fi
# brandmark's own dependencies (from pyproject.toml) and PyInstaller, not brandmark itself:
# the spec analyses the work tree, so no installed copy can go stale.
# The `directory` extra (Datasette) is bundled too, so `brandmark-cli directory serve` works
# from the bundle.
mapfile -t DEPENDENCIES < <("$PYTHON" -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print("\n".join(p["dependencies"] + p["optional-dependencies"]["directory"]))')
"$VENV/bin/pip" uninstall --quiet --yes brandmark >/dev/null 2>&1 || true
"$VENV/bin/pip" install --quiet --disable-pip-version-check "pyinstaller>=6.10" "${DEPENDENCIES[@]}"

"$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" installers/brandmark.spec

BUNDLE="$ROOT/dist/brandmark"
# Every resource the wheel ships must be in the bundle where brandmark.paths looks.
"$PYTHON" - "$BUNDLE" <<'PY'
import sys
from pathlib import Path
sys.path.insert(0, "installers")
from bundle_data import resource_datas
bundle = Path(sys.argv[1])
internal = bundle / "_internal"
missing = [dest + "/" + Path(src).name for src, dest in resource_datas()
           if not (internal / dest / Path(src).name).is_file()]
if missing:
    sys.exit(f"not in the bundle: {missing}")
for tool in ("brandmark", "brandmark-cli"):
    if not (bundle / tool).is_file():
        sys.exit(f"no {tool} executable in {bundle}")
# Kept out on purpose (the spec's QT_UNUSED, NOT_SHIPPED and plugin pruning): fail if any came back.
unwanted = ("libQt6WebEngine", "libQt6Pdf", "libQt6Qml", "libQt6Quick", "pytest", "_pytest", "hypothesis",
            "pypdf", "importlinter")
found = sorted({str(p.relative_to(internal)) for p in internal.rglob("*") if p.name.startswith(unwanted)})
if found:
    sys.exit(f"unwanted in the bundle: {found}")
PY

# The tarball unpacks to one folder named for the version, with both programs at its top.
rm -rf "$ROOT/dist/$NAME" "$ROOT/dist/$NAME.tar.gz"
cp -a "$BUNDLE" "$ROOT/dist/$NAME"
tar -C "$ROOT/dist" -czf "$ROOT/dist/$NAME.tar.gz" "$NAME"
rm -rf "$ROOT/dist/$NAME"
echo "bundle:  $BUNDLE ($(du -sh "$BUNDLE" | cut -f1))"
echo "tarball: $ROOT/dist/$NAME.tar.gz ($(du -sh "$ROOT/dist/$NAME.tar.gz" | cut -f1))"

if command -v appimagetool >/dev/null; then
    APPDIR="$ROOT/build/brandmark.AppDir"
    rm -rf "$APPDIR" && mkdir -p "$APPDIR/usr"
    cp -a "$BUNDLE" "$APPDIR/usr/lib-brandmark"
    cp installers/brandmark.desktop "$APPDIR/brandmark.desktop"
    cp resources/icons/brandmark-256.png "$APPDIR/brandmark.png"
    mkdir -p "$APPDIR/usr/share/metainfo"
    cp installers/io.github.brandmark.metainfo.xml "$APPDIR/usr/share/metainfo/"
    printf '#!/bin/sh\nexec "$(dirname "$(readlink -f "$0")")/usr/lib-brandmark/brandmark" "$@"\n' > "$APPDIR/AppRun"
    chmod +x "$APPDIR/AppRun"
    ARCH="$ARCH" appimagetool --no-appstream "$APPDIR" "$ROOT/dist/$NAME.AppImage"
    echo "appimage: $ROOT/dist/$NAME.AppImage"
else
    echo "appimage: skipped (appimagetool is not on PATH; see installers/README.md)"
fi
