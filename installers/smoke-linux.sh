#!/usr/bin/env bash
# On demand, not in CI (a PyInstaller build takes minutes of both cores): build the Linux
# bundle, run it as a user would on a machine without Python, and time its start against
# the wheel installed in a fresh venv.
#
#     bash installers/smoke-linux.sh               # build, smoke-run, measure
#     bash installers/smoke-linux.sh --no-build    # reuse dist/ from the last build
#     RUNS=21 bash installers/smoke-linux.sh       # more timing rounds (default 15)
#
# The bundle runs from its unpacked tarball, from another folder, with a clean environment
# (env -i: no venv, no PYTHONPATH) and, when run as root, with every Python installation on
# the machine hidden (a private mount namespace), so nothing can come from outside the bundle.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RUNS="${RUNS:-15}"
[ "${1:-}" = "--no-build" ] || bash installers/build-linux.sh

TARBALL="$(ls -t "$ROOT"/dist/brandmark-*-linux-*.tar.gz | head -1)"
WORK="$(mktemp -d /tmp/brandmark-smoke-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
tar -C "$WORK" -xzf "$TARBALL"
BUNDLE="$(ls -d "$WORK"/brandmark-*/)"
BUNDLE="${BUNDLE%/}"
mkdir -p "$WORK/elsewhere" "$WORK/home"
cd "$WORK/elsewhere"

# Hide every Python the machine has (needs root for a mount namespace; skipped otherwise).
HIDE_PYTHON=()
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
    mounts=""
    # The system's time zone data too: the bundle carries its own (tzdata), as on Windows.
    for dir in /usr/lib/python3* /usr/local/lib/python3* /root/.pyenv /opt/python* "$ROOT/.venv" \
               "$ROOT/build/pyinstaller-venv" /usr/share/zoneinfo; do
        [ -d "$dir" ] && mounts="$mounts mount -t tmpfs none '$dir';"
    done
    HIDE_PYTHON=(unshare -m sh -c "$mounts exec \"\$0\" \"\$@\"")
fi
clean() {
    "${HIDE_PYTHON[@]}" env -i HOME="$WORK/home" PATH=/usr/bin:/bin BRANDMARK_DATA_DIR="$WORK/data" "$@"
}
step() { printf '  %-44s' "$1"; }
ok() { echo "ok${1:+  ($1)}"; }

echo "smoke: $TARBALL, unpacked in $WORK, run from $PWD"
[ ${#HIDE_PYTHON[@]} -gt 0 ] && echo "  (every Python installation and /usr/share/zoneinfo hidden from the bundle)"
step "brandmark-cli --version";  out="$(clean "$BUNDLE/brandmark-cli" --version)"; ok "$out"
step "brandmark-cli schemes list"; n="$(clean "$BUNDLE/brandmark-cli" schemes list | grep -c latest)"
[ "$n" -ge 3 ] || { echo "FAILED: $n schemes"; exit 1; }; ok "$n schemes"
step "brandmark-cli demo"; clean "$BUNDLE/brandmark-cli" demo >/dev/null; ok
step "brandmark-cli certificates issue/pdf"
# The demo's authoriser signs with the demo data set's published passphrase (docs/trust.md).
number="$(clean BRANDMARK_PASSPHRASE="demo-passphrase 演示口令" "$BUNDLE/brandmark-cli" --json certificates issue 3 \
          | grep -o '"[A-Z]*-[A-Z]*-[0-9]*-[0-9]*"' | head -1 | tr -d '"')"
clean "$BUNDLE/brandmark-cli" certificates pdf "$number" -o cert.pdf >/dev/null
clean "$BUNDLE/brandmark-cli" certificates verify --pdf cert.pdf >/dev/null
ok "$number, verified"
step "certificate PDF embeds its Chinese font"
fonts="$(pdffonts cert.pdf | awk 'NR > 2 && $(NF-4) == "yes" {print $1}' | sed 's/^[A-Z]*+//' | sort -u | tr '\n' ' ')"
case "$fonts" in *LXGWWenKai*) ok "$fonts";; *) echo "FAILED: embedded fonts: '$fonts'"; exit 1;; esac
step "people: look-alike names (OpenCC, UTS #39)"
clean BRANDMARK_PASSPHRASE="a smoke-test passphrase" "$BUNDLE/brandmark-cli" people add --name 張三豐 \
    --roles assessor --schemes zhejiang-made --by smoke >/dev/null
set +e
refusal="$(clean BRANDMARK_PASSPHRASE="a smoke-test passphrase" "$BUNDLE/brandmark-cli" people add --name 张三丰 \
    --roles assessor --schemes zhejiang-made --by smoke 2>&1)"; code=$?
set -e
[ "$code" = 2 ] && [[ "$refusal" == *"looks like"* ]] || { echo "FAILED ($code): $refusal"; exit 1; }
ok "张三丰 refused beside 張三豐"
step "brandmark-cli keys init"
clean BRANDMARK_BODY_PASSPHRASE="a smoke-test passphrase" "$BUNDLE/brandmark-cli" keys init --by smoke >/dev/null; ok
step "directory export + serve (Datasette, bundled)"
clean BRANDMARK_BODY_PASSPHRASE="a smoke-test passphrase" "$BUNDLE/brandmark-cli" directory export -o public >/dev/null
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
clean "$BUNDLE/brandmark-cli" directory serve public --port "$port" >serve.log 2>&1 &
server=$!
found=""
for _ in $(seq 1 100); do
    found="$(curl -s "http://127.0.0.1:$port/certificates/directory_info.json?_shape=array" || true)"
    case "$found" in *status_list_sequence*) break;; esac
    sleep 0.2
done
kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
# The demo's certificates are never published, so the served facts are the directory's own.
case "$found" in *status_list_sequence*) ok "directory_info served on 127.0.0.1:$port";;
    *) echo "FAILED: directory serve: '$found'"; cat serve.log; exit 1;; esac
step "brandmark --version"; clean "$BUNDLE/brandmark" --version > version.txt
grep -q "^key id: [0-9a-f]\{16\}$" version.txt || { echo "FAILED:"; cat version.txt; exit 1; }; ok "$(sed -n 4p version.txt)"
step "brandmark window (offscreen screenshot)"
clean QT_QPA_PLATFORM=offscreen "$BUNDLE/brandmark" --lang zh_CN --screenshot "$PWD/window.png" 2>/dev/null
[ -s window.png ] || { echo "FAILED: no screenshot"; exit 1; }; ok "$(wc -c < window.png) bytes"
cp window.png "$ROOT/dist/smoke-window.png"

echo "size:"
echo "  bundle folder  $(du -sh "$BUNDLE" | cut -f1)  ($(find "$BUNDLE" -type f | wc -l) files)"
echo "  tarball        $(du -sh "$TARBALL" | cut -f1)"

# The same commands from the wheel, in a fresh venv (pip's cache makes this quick).
python3 -m pip wheel --quiet --no-deps --disable-pip-version-check -w "$WORK/wheel" "$ROOT" >"$WORK/pip.log" 2>&1
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install --quiet --disable-pip-version-check "$WORK"/wheel/brandmark-*.whl >>"$WORK/pip.log" 2>&1 \
    || { cat "$WORK/pip.log"; exit 1; }
env -i HOME="$WORK/home" PATH=/usr/bin:/bin BRANDMARK_DATA_DIR="$WORK/data-wheel" "$WORK/venv/bin/brandmark-cli" schemes list >/dev/null

echo "start-up, $RUNS interleaved rounds, median wall time (warm file cache; first round dropped):"
python3 - "$RUNS" "$BUNDLE" "$WORK" <<'PY'
import os, random, statistics, subprocess, sys, time
runs, bundle, work = int(sys.argv[1]), sys.argv[2], sys.argv[3]
def env(data):
    return {"HOME": f"{work}/home", "PATH": "/usr/bin:/bin", "BRANDMARK_DATA_DIR": f"{work}/{data}"}
commands = {
    "floor: /bin/true": (["/bin/true"], env("data")),
    "floor: venv python -c pass": ([f"{work}/venv/bin/python", "-c", "pass"], env("data-wheel")),
    "bundle brandmark-cli --version": ([f"{bundle}/brandmark-cli", "--version"], env("data")),
    "wheel  brandmark-cli --version": ([f"{work}/venv/bin/brandmark-cli", "--version"], env("data-wheel")),
    "bundle brandmark-cli schemes list": ([f"{bundle}/brandmark-cli", "schemes", "list"], env("data")),
    "wheel  brandmark-cli schemes list": ([f"{work}/venv/bin/brandmark-cli", "schemes", "list"], env("data-wheel")),
}
times = {name: [] for name in commands}
for round_ in range(runs + 1):
    order = list(commands)
    random.shuffle(order)
    for name in order:
        argv, environment = commands[name]
        start = time.perf_counter()
        subprocess.run(argv, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        if round_:
            times[name].append(time.perf_counter() - start)
median = {name: statistics.median(values) * 1000 for name, values in times.items()}
for name, value in median.items():
    print(f"  {name:36s} {value:8.1f} ms")
for command in ("brandmark-cli --version", "brandmark-cli schemes list"):
    ratio = median[f"bundle {command}"] / median[f"wheel  {command}"]
    print(f"  bundle / wheel, {command:26s} {ratio:5.2f}")
PY
