#!/usr/bin/env bash
# Installs Career Atlas for the current user (no root needed):
#   binary     -> ${XDG_BIN_HOME:-$HOME/.local/bin}/career-atlas
#   menu entry -> ${XDG_DATA_HOME:-$HOME/.local/share}/applications/io.github.careeratlas.CareerAtlas.desktop
#   icons      -> .../icons/hicolor/{256x256,512x512}/apps/io.github.careeratlas.CareerAtlas.png
#   metainfo   -> .../metainfo/io.github.careeratlas.CareerAtlas.metainfo.xml
# With --prefix DIR, the binary goes to DIR/bin and the rest under DIR/share.
# The binary is taken from target/release/career-atlas (built with
# `cargo build --release` if it is missing), or from --binary PATH.
# scripts/uninstall.sh (with the same --prefix) removes exactly these files.
set -euo pipefail

APP_ID=io.github.careeratlas.CareerAtlas
BIN_NAME=career-atlas

usage() {
    cat <<EOF
Usage: $0 [--prefix DIR] [--binary PATH]

Installs Career Atlas for the current user.

  --prefix DIR    install the binary into DIR/bin and the desktop entry, icons
                  and metainfo under DIR/share (default: \$XDG_BIN_HOME or
                  ~/.local/bin, and \$XDG_DATA_HOME or ~/.local/share)
  --binary PATH   install this binary instead of target/release/$BIN_NAME
                  (nothing is built then)
  -h, --help      show this help
EOF
}

die() {
    printf '%s: %s\n' "$(basename "$0")" "$*" >&2
    exit 1
}

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
ASSETS="$ROOT/assets"

prefix=""
binary=""
while [ "$#" -gt 0 ]; do
    case $1 in
        --prefix)
            [ "$#" -ge 2 ] || die "--prefix needs a directory"
            prefix=$2
            shift 2
            ;;
        --prefix=*)
            prefix=${1#--prefix=}
            shift
            ;;
        --binary)
            [ "$#" -ge 2 ] || die "--binary needs a path"
            binary=$2
            shift 2
            ;;
        --binary=*)
            binary=${1#--binary=}
            shift
            ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            usage >&2
            die "unknown argument: $1"
            ;;
    esac
done

# An XDG variable counts only when it holds an absolute path (XDG Base Directory spec).
xdg_dir() {
    case ${1:-} in
        /*) printf '%s\n' "$1" ;;
        *) printf '%s\n' "$2" ;;
    esac
}

# Makes a directory and prints its absolute path.
make_dir() {
    mkdir -p -- "$1"
    (cd -- "$1" && pwd -P)
}

if [ -n "$prefix" ]; then
    prefix=$(make_dir "$prefix")
    bin_dir="$prefix/bin"
    data_dir="$prefix/share"
else
    : "${HOME:?HOME is not set}"
    bin_dir=$(xdg_dir "${XDG_BIN_HOME:-}" "$HOME/.local/bin")
    data_dir=$(xdg_dir "${XDG_DATA_HOME:-}" "$HOME/.local/share")
fi

# --- the binary -------------------------------------------------------------
if [ -z "$binary" ]; then
    target_dir=$(xdg_dir "${CARGO_TARGET_DIR:-}" "$ROOT/${CARGO_TARGET_DIR:-target}")
    binary="$target_dir/release/$BIN_NAME"
    if [ ! -f "$binary" ]; then
        command -v cargo >/dev/null 2>&1 ||
            die "$binary does not exist and cargo is not on PATH; build it first or pass --binary PATH"
        echo "$binary does not exist; running: cargo build --release"
        (cd "$ROOT" && cargo build --release)
    fi
fi
[ -f "$binary" ] || die "no binary at $binary"
[ -x "$binary" ] || die "$binary is not executable"

for f in "$APP_ID.desktop" "$APP_ID.metainfo.xml" icon-256.png icon-512.png; do
    [ -f "$ASSETS/$f" ] || die "missing $ASSETS/$f"
done

# Copies $1 to $2 with mode $3, through a temporary file and a rename, so a
# running copy of the app is never overwritten in place.
put() {
    mkdir -p -- "$(dirname -- "$2")"
    cp -- "$1" "$2.tmp.$$"
    chmod "$3" "$2.tmp.$$"
    mv -f -- "$2.tmp.$$" "$2"
    echo "installed $2"
}

bin_dir=$(make_dir "$bin_dir")
data_dir=$(make_dir "$data_dir")
bin_path="$bin_dir/$BIN_NAME"

# A newline cannot be written in Exec at all; a % must be written %%, which
# the spec allows but GLib (GNOME, gio) rejects when it checks the program.
case $bin_path in
    *$'\n'* | *%*) die "the install path $bin_path holds a newline or a %, which a desktop entry cannot name reliably; choose another --prefix" ;;
esac

if [ "$binary" -ef "$bin_path" ]; then
    echo "kept $bin_path (it is already the binary to install)"
else
    put "$binary" "$bin_path" 755
fi

# --- the desktop entry, with Exec pointing at the installed binary ----------

# Quotes a path for the Exec key (Desktop Entry spec, "The Exec key"): in
# double quotes when it holds a reserved character, with ", `, $ and \
# escaped; then every \ doubled again for the string-value escaping.
exec_path() {
    local s=$1
    case $s in
        *[[:space:]\"\'\\\>\<~\|\&\;\$\*\?\#\(\)\`]*)
            s=${s//\\/\\\\}
            s=${s//\"/\\\"}
            s=${s//\`/\\\`}
            s=${s//\$/\\\$}
            s="\"$s\""
            ;;
    esac
    s=${s//\\/\\\\}
    printf '%s\n' "$s"
}

exec_line="Exec=$(exec_path "$bin_path") %F"
desktop_path="$data_dir/applications/$APP_ID.desktop"
mkdir -p -- "$data_dir/applications"
tmp="$desktop_path.tmp.$$"
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
        Exec=*) printf '%s\n' "$exec_line" ;;
        *) printf '%s\n' "$line" ;;
    esac
done <"$ASSETS/$APP_ID.desktop" >"$tmp"
chmod 644 "$tmp"
mv -f -- "$tmp" "$desktop_path"
echo "installed $desktop_path ($exec_line)"

# --- icons and metainfo -----------------------------------------------------
put "$ASSETS/icon-256.png" "$data_dir/icons/hicolor/256x256/apps/$APP_ID.png" 644
put "$ASSETS/icon-512.png" "$data_dir/icons/hicolor/512x512/apps/$APP_ID.png" 644
put "$ASSETS/$APP_ID.metainfo.xml" "$data_dir/metainfo/$APP_ID.metainfo.xml" 644

# --- caches: only with the tools present; a failure here is not an error ----
if command -v update-desktop-database >/dev/null 2>&1; then
    if update-desktop-database -q "$data_dir/applications" 2>/dev/null; then
        echo "ran update-desktop-database $data_dir/applications"
    else
        echo "update-desktop-database failed (ignored)"
    fi
fi
touch -c "$data_dir/icons/hicolor" 2>/dev/null || true
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    # Without -t: it refreshes a cache only where the folder has an
    # index.theme, so no user-level cache is created to hide icons that other
    # apps add later.
    if gtk-update-icon-cache -q "$data_dir/icons/hicolor" 2>/dev/null; then
        echo "ran gtk-update-icon-cache $data_dir/icons/hicolor"
    else
        echo "gtk-update-icon-cache skipped: no icon theme index in $data_dir/icons/hicolor (fine; nothing to refresh)"
    fi
fi

echo
echo "Career Atlas is installed. Open it from the application menu, or run: $bin_path"
case ":${PATH:-}:" in
    *":$bin_dir:"*) ;;
    *) echo "Note: $bin_dir is not on your PATH; the menu entry works anyway, since it names the binary by its full path." ;;
esac
if [ -n "$prefix" ]; then
    echo "To remove it: $ROOT/scripts/uninstall.sh --prefix $prefix"
else
    echo "To remove it: $ROOT/scripts/uninstall.sh"
fi
