#!/usr/bin/env bash
# Removes exactly the files scripts/install.sh put in place (use the same
# --prefix if you gave one). Never touches your saved data (skill profile,
# settings): it only says where that is.
set -euo pipefail

APP_ID=io.github.careeratlas.CareerAtlas
BIN_NAME=career-atlas

usage() {
    cat <<EOF
Usage: $0 [--prefix DIR]

Removes what scripts/install.sh installed for the current user.

  --prefix DIR    the --prefix given to install.sh (default: \$XDG_BIN_HOME or
                  ~/.local/bin, and \$XDG_DATA_HOME or ~/.local/share)
  -h, --help      show this help

Your saved data is never removed; this script prints where it is.
EOF
}

die() {
    printf '%s: %s\n' "$(basename "$0")" "$*" >&2
    exit 1
}

prefix=""
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

xdg_dir() {
    case ${1:-} in
        /*) printf '%s\n' "$1" ;;
        *) printf '%s\n' "$2" ;;
    esac
}

: "${HOME:?HOME is not set}"
user_data_dir=$(xdg_dir "${XDG_DATA_HOME:-}" "$HOME/.local/share")
if [ -n "$prefix" ]; then
    [ -d "$prefix" ] || die "$prefix does not exist"
    prefix=$(cd -- "$prefix" && pwd -P)
    bin_dir="$prefix/bin"
    data_dir="$prefix/share"
else
    bin_dir=$(xdg_dir "${XDG_BIN_HOME:-}" "$HOME/.local/bin")
    data_dir=$user_data_dir
fi

removed=0
remove() {
    if [ -e "$1" ] || [ -L "$1" ]; then
        rm -f -- "$1"
        echo "removed $1"
        removed=$((removed + 1))
    else
        echo "not found (skipped) $1"
    fi
}

remove "$bin_dir/$BIN_NAME"
remove "$data_dir/applications/$APP_ID.desktop"
remove "$data_dir/icons/hicolor/256x256/apps/$APP_ID.png"
remove "$data_dir/icons/hicolor/512x512/apps/$APP_ID.png"
remove "$data_dir/metainfo/$APP_ID.metainfo.xml"

# Refresh the caches that may still list the removed files; a failure here is
# not an error. The cache files themselves are shared with other apps and stay.
if [ -d "$data_dir/applications" ] && command -v update-desktop-database >/dev/null 2>&1; then
    if update-desktop-database -q "$data_dir/applications" 2>/dev/null; then
        echo "ran update-desktop-database $data_dir/applications"
    else
        echo "update-desktop-database failed (ignored)"
    fi
fi
if [ -d "$data_dir/icons/hicolor" ]; then
    touch -c "$data_dir/icons/hicolor" 2>/dev/null || true
    if [ -f "$data_dir/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
        if gtk-update-icon-cache -q "$data_dir/icons/hicolor" 2>/dev/null; then
            echo "ran gtk-update-icon-cache $data_dir/icons/hicolor"
        else
            echo "gtk-update-icon-cache failed (ignored)"
        fi
    fi
fi

echo
echo "Removed $removed of 5 installed files."

# The app keeps its data in the platform data folder of the user running it,
# whatever --prefix was used. The folder named after the app id is the one the
# project documents; builds whose data folder comes from
# directories::ProjectDirs::from("io.github", "careeratlas", "CareerAtlas") use
# "careeratlas" on Linux. Both are listed when present; neither is removed.
found=0
for dir in "$user_data_dir/$APP_ID" "$user_data_dir/careeratlas"; do
    if [ -d "$dir" ]; then
        found=1
        echo "Your Career Atlas data (skill profile, settings) was kept in:"
        echo "  $dir"
        echo "To delete it too, by hand:"
        printf '  rm -r %q\n' "$dir"
    fi
done
if [ "$found" -eq 0 ]; then
    echo "No Career Atlas data folder was found (looked for $user_data_dir/$APP_ID"
    echo "and $user_data_dir/careeratlas); nothing of yours was left behind."
fi
