#!/usr/bin/env bash
# Round-trip test of scripts/install.sh and scripts/uninstall.sh in a throwaway
# HOME, with a stand-in binary (nothing is built). Checks that every file
# lands, that the installed desktop entry validates and names the installed
# binary, that --prefix works, and that uninstall removes exactly what was
# installed and keeps the user's data folder.
# Needs desktop-file-validate (Debian: desktop-file-utils); appstreamcli
# (Debian: appstream) is used when present.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
APP_ID=io.github.careeratlas.CareerAtlas
passed=0
failed=0

check() {
    local what=$1
    shift
    if "$@" >/dev/null 2>&1; then
        passed=$((passed + 1))
        echo "ok   $what"
    else
        failed=$((failed + 1))
        echo "FAIL $what"
    fi
}

command -v desktop-file-validate >/dev/null 2>&1 ||
    { echo "desktop-file-validate is missing (apt-get install desktop-file-utils)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf -- "$tmp"' EXIT
printf '#!/bin/sh\necho "career-atlas stand-in $*"\n' >"$tmp/stand-in"
chmod +x "$tmp/stand-in"

# Validators print hints for Categories=Education;Office; (two main
# categories), which is intended; --no-hints leaves errors and warnings.
validate_desktop() { [ -z "$(desktop-file-validate --no-hints "$1" 2>&1)" ]; }

check "repository desktop entry validates" validate_desktop "$ROOT/assets/$APP_ID.desktop"
if command -v appstreamcli >/dev/null 2>&1; then
    check "metainfo validates" appstreamcli validate --no-net "$ROOT/assets/$APP_ID.metainfo.xml"
fi

installed_files() { # $1 bin dir, $2 data dir
    printf '%s\n' "$1/career-atlas" \
        "$2/applications/$APP_ID.desktop" \
        "$2/icons/hicolor/256x256/apps/$APP_ID.png" \
        "$2/icons/hicolor/512x512/apps/$APP_ID.png" \
        "$2/metainfo/$APP_ID.metainfo.xml"
}
all_exist() { local f; while IFS= read -r f; do [ -f "$f" ] || return 1; done; }
none_exist() { local f; while IFS= read -r f; do [ ! -e "$f" ] || return 1; done; }

round_trip() { # $1 label, $2 bin dir, $3 data dir, then extra install/uninstall arguments
    local label=$1 bin=$2 data=$3
    shift 3
    check "$label: install.sh succeeds" "$ROOT/scripts/install.sh" --binary "$tmp/stand-in" "$@"
    check "$label: all five files installed" all_exist < <(installed_files "$bin" "$data")
    check "$label: installed binary runs" "$bin/career-atlas"
    local desktop="$data/applications/$APP_ID.desktop"
    check "$label: installed desktop entry validates" validate_desktop "$desktop"
    check "$label: Exec names the installed binary" grep -qxF "Exec=$(exec_of "$bin/career-atlas") %F" "$desktop"
    check "$label: icons are the assets" cmp -s "$ROOT/assets/icon-512.png" "$data/icons/hicolor/512x512/apps/$APP_ID.png"
    check "$label: uninstall.sh succeeds" "$ROOT/scripts/uninstall.sh" "$@"
    check "$label: all five files removed" none_exist < <(installed_files "$bin" "$data")
}

# The Exec value install.sh should write for a path (quoted only when needed).
exec_of() {
    case $1 in
        *[[:space:]\"\'\\\>\<~\|\&\;\$\*\?\#\(\)\`]*)
            local s=${1//\\/\\\\}
            s=${s//\"/\\\"}
            s=${s//\`/\\\`}
            s=${s//\$/\\\$}
            s="\"$s\""
            printf '%s\n' "${s//\\/\\\\}"
            ;;
        *) printf '%s\n' "$1" ;;
    esac
}

export HOME="$tmp/home"
mkdir -p "$HOME"
unset XDG_DATA_HOME XDG_BIN_HOME

# Default locations, with a data folder that must survive.
mkdir -p "$HOME/.local/share/$APP_ID"
echo '{}' >"$HOME/.local/share/$APP_ID/profile.json"
round_trip "default" "$HOME/.local/bin" "$HOME/.local/share"
check "default: user data folder kept" test -f "$HOME/.local/share/$APP_ID/profile.json"

# XDG variables.
XDG_DATA_HOME="$tmp/xdg data" XDG_BIN_HOME="$tmp/xdg bin" \
    round_trip "XDG" "$tmp/xdg bin" "$tmp/xdg data"

# --prefix, in a path that needs quoting in Exec.
round_trip "--prefix" "$tmp/opt/my apps (test)/bin" "$tmp/opt/my apps (test)/share" --prefix "$tmp/opt/my apps (test)"

# Refusals.
fails() { ! "$@"; }
check "missing --binary is refused" fails "$ROOT/scripts/install.sh" --binary /nonexistent/career-atlas
check "unknown argument is refused" fails "$ROOT/scripts/install.sh" --bogus

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
