#!/bin/sh
# The table of issue 13's `validate` targets, side by side with Python's
# json.load of the same file, in one hyperfine run per file.
#
#   scripts/perf-table.sh [BEFORE_BINARY]
#
# Needs a release build (`cargo build --release --locked`, and
# `cargo build --release --locked --example gen_dataset` for the data) and
# hyperfine. Files go to target/perf/; a BEFORE_BINARY (an older build of
# career-atlas) is measured in the same run. Prints each command's mean wall
# time and its mean user + system CPU, from hyperfine's JSON export.
set -eu
cd "$(dirname "$0")/.."
dir=target/perf
bin=target/release/career-atlas
before=${1:-}
python=/usr/bin/python3
mkdir -p "$dir"
if [ ! -f "$dir/big-clean.json" ]; then
  target/release/examples/gen_dataset 10000 > "$dir/big.json"
  $python scripts/warning-variants.py "$dir/big.json"
  # The warning variants are compact; the clean file is too, so all three
  # are the same size and differ only in the warnings.
  $python -c "import json,sys; json.dump(json.load(open(sys.argv[1])), open(sys.argv[2],'w'))" \
    "$dir/big.json" "$dir/big-clean.json"
fi
for f in big-clean big-unknown big-dup; do
  file=$dir/$f.json
  set -- "$bin validate $file" "$python -c 'import json,sys; json.load(open(sys.argv[1]))' $file"
  if [ -n "$before" ]; then
    set -- "$@" "$before validate $file"
  fi
  hyperfine -N -i --warmup 1 --runs "${RUNS:-6}" --export-json "$dir/hf-$f.json" "$@" > /dev/null
  $python - "$dir/hf-$f.json" "$f" <<'EOF'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
py = next(r for r in runs if "python" in r["command"])
print(f"== {sys.argv[2]}")
for r in runs:
    cpu = r["user"] + r["system"]
    pycpu = py["user"] + py["system"]
    print(f"  {r['mean']*1000:7.0f} ms wall ({r['user']*1000:.0f} + {r['system']*1000:.0f} ms CPU)"
          f"  ratio wall {r['mean']/py['mean']:.2f}x, CPU {cpu/pycpu:.2f}x  {r['command'][:60]}")
EOF
done
