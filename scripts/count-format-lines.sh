#!/bin/sh
# Lines of the role-file format's rules (issue 13), and of the JSON layer
# beneath it, each file counted up to its `#[cfg(test)]` module: all lines,
# then without blank and comment lines. The format's rules are the reader
# (src/model/format, without encoding.rs and kind/, which recognise other
# kinds of file), the schema generation with its patches, and the data lint.
# Run from the project root.
count() {
  for f in "$@"; do
    awk -v f="$f" '/^#\[cfg\(test\)\]/{exit} {n++} /^[[:space:]]*$/{b++} /^[[:space:]]*\/\//{c++}
      END{printf "  %-34s %5d %5d\n", f, n, n-b-c}' "$f"
  done
}
total() { awk '{l+=$2; c+=$3} END{printf "  %-34s %5d %5d\n", "total", l, c}'; }
format_files=$(ls src/model/format/*.rs | grep -v -e encoding.rs -e kind.rs)
echo "The format's rules (lines, without blank and comment lines):"
count $format_files src/model/schema.rs src/model/lint.rs | tee /tmp/format-lines.$$
total < /tmp/format-lines.$$
echo "The JSON layer beneath it (src/json, without diagnostic.rs, which was never counted):"
count src/json/mod.rs src/json/path.rs src/json/syntax.rs src/json/tree.rs | tee /tmp/json-lines.$$
total < /tmp/json-lines.$$
rm -f /tmp/format-lines.$$ /tmp/json-lines.$$
