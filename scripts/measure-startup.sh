#!/usr/bin/env bash
# Start-up time, memory and idle CPU of a desktop program under Xvfb, as in
# docs/performance.md. Each run gets an empty HOME (no saved state), and
# optionally a dataset already in Career Atlas's library.
#
#   scripts/measure-startup.sh [--runs N] [--dataset FILE] -- PROGRAM [ARG...]
#
# Per run it prints:
#   start_ms  exec to the window being mapped (eframe maps it after the first
#             frame is painted), polled every ~10 ms with xdotool
#   cpu_ms    CPU time (user+system, all threads) the process used by then
#   rss_kb    VmRSS 2 s after the window appeared; hwm_kb: the peak (VmHWM)
#   idle_ms   CPU time used in the next 10 s with nobody touching the window
# then the median of each column. Needs Xvfb and xdotool (Debian: xvfb xdotool).
set -euo pipefail
runs=5 dataset=
while [[ $# -gt 0 && $1 != -- ]]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --dataset) dataset=$(realpath "$2"); shift 2 ;;
    *) echo "measure-startup.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ ${1:-} == -- ]] && shift
[[ $# -gt 0 ]] || { echo "usage: measure-startup.sh [--runs N] [--dataset FILE] -- PROGRAM [ARG...]" >&2; exit 2; }
if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null; then
  echo "measure-startup.sh: needs Xvfb and xdotool (apt-get install xvfb xdotool)" >&2
  exit 2
fi

for n in $(seq 90 140); do [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || break; done
export DISPLAY=:$n
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp -noreset >/dev/null 2>&1 &
xvfb=$!
homes=()
app=
cleanup() {
  if [[ -n $app ]]; then kill "$app" 2>/dev/null || true; fi
  kill "$xvfb" 2>/dev/null || true
  for h in "${homes[@]}"; do rm -rf "$h"; done
}
trap cleanup EXIT
for _ in $(seq 100); do [[ -e /tmp/.X11-unix/X$n ]] && break; sleep 0.05; done
unset WAYLAND_DISPLAY XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_STATE_HOME
tck=$(getconf CLK_TCK)

cpu_ticks() { # utime + stime of every thread, in clock ticks
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
now_ns() { date +%s%N; }

printf '%-4s %9s %8s %9s %9s %8s\n' run start_ms cpu_ms rss_kb hwm_kb idle_ms
results=()
for run in $(seq "$runs"); do
  home=$(mktemp -d)
  homes+=("$home")
  mkdir -m 700 "$home/run"
  if [[ -n $dataset ]]; then
    data="$home/.local/share/io.github.careeratlas.CareerAtlas"
    mkdir -p "$data/datasets"
    cp "$dataset" "$data/datasets/measured.json"
    name=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["name"])' "$dataset")
    python3 - "$data/datasets.json" "$name" "$dataset" <<'PY'
import json, sys
path, name, source = sys.argv[1:]
json.dump({"version": 1, "bundled_visible": True, "datasets": [{
    "name": name, "file": "measured.json", "source_file": source,
    "imported_at": "2026-01-01T00:00:00Z", "visible": True}]}, open(path, "w"), indent=2)
PY
  fi
  sync
  t0=$(now_ns)
  HOME=$home XDG_RUNTIME_DIR=$home/run "$@" >"$home/app.log" 2>&1 &
  app=$!
  until xdotool search --onlyvisible --pid "$app" >/dev/null 2>&1; do
    kill -0 "$app" 2>/dev/null || { echo "the program exited:" >&2; tail "$home/app.log" >&2; exit 1; }
    (( $(now_ns) - t0 < 120000000000 )) || { echo "no window after 120 s" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(now_ns)
  c1=$(cpu_ticks "$app")
  sleep 2
  rss=$(status_kb "$app" VmRSS)
  hwm=$(status_kb "$app" VmHWM)
  i0=$(cpu_ticks "$app")
  sleep 10
  i1=$(cpu_ticks "$app")
  kill "$app"; wait "$app" 2>/dev/null || true
  app=
  start_ms=$(( (t1 - t0) / 1000000 ))
  cpu_ms=$(( c1 * 1000 / tck ))
  idle_ms=$(( (i1 - i0) * 1000 / tck ))
  printf '%-4s %9s %8s %9s %9s %8s\n' "$run" "$start_ms" "$cpu_ms" "$rss" "$hwm" "$idle_ms"
  results+=("$start_ms $cpu_ms $rss $hwm $idle_ms")
done
printf '%s\n' "${results[@]}" | python3 -c '
import statistics, sys
cols = list(zip(*(map(int, l.split()) for l in sys.stdin if l.strip())))
print("%-4s %9s %8s %9s %9s %8s" % ("med", *(int(statistics.median(c)) for c in cols)))'
