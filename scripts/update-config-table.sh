#!/usr/bin/env bash
# Regenerates the README's configuration table from the code (io.fs3.config.ConfigDocs).
# Needs the config module compiled: mvn -B -q -pl config test-compile
set -euo pipefail
cd "$(dirname "$0")/.."
table=$(java -cp config/target/classes:config/target/test-classes io.fs3.config.ConfigDocs)
python3 - "$table" <<'PY'
import re, sys
table = sys.argv[1]
readme = open("README.md").read()
start, end = "<!-- config-table:start -->", "<!-- config-table:end -->"
if start not in readme:
    # first run: replace the existing table (header line through the last '| `fs3.' row)
    m = re.search(r"\| key \| default \| meaning \|\n\|---\|---\|---\|\n(?:\|.*\|\n)*", readme)
    readme = readme[:m.start()] + start + "\n" + table + "\n" + end + "\n" + readme[m.end():]
else:
    readme = re.sub(re.escape(start) + r".*?" + re.escape(end), start + "\n" + table + "\n" + end, readme, flags=re.S)
open("README.md", "w").write(readme)
PY
