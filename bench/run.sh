#!/usr/bin/env bash
# fs3 benchmark: one command. See bench/README.md.
#   bench/run.sh [--quick] [--big] [--only fs3,nginx,s3proxy] [--skip get,put,multipart,list,fsync]
# Installs nothing: it says what is missing and how to get it. Builds the jar only if it is missing
# (with the README's build command). Stops everything it started.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
cd "$repo"

missing=()
for tool in java wrk nginx taskset python3 find; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "bench: missing: ${missing[*]}" >&2
  echo "bench: on Debian/Ubuntu: apt-get install -y wrk nginx util-linux python3 findutils default-jdk-headless" >&2
  exit 2
fi

jar="$repo/server/target/fs3-server.jar"
if [[ ! -f "$jar" ]]; then
  echo "bench: $jar is missing; building it (mvn -B -q package -DskipTests)" >&2
  command -v mvn >/dev/null 2>&1 || { echo "bench: mvn is missing: apt-get install -y maven" >&2; exit 2; }
  mvn -B -q package -DskipTests
fi

s3proxy="${S3PROXY_JAR:-$HOME/.m2/repository/org/gaul/s3proxy/4.1.0/s3proxy-4.1.0-jar-with-dependencies.jar}"
if [[ ! -f "$s3proxy" ]]; then
  echo "bench: S3Proxy 4.1.0 not found, so it is left out. To include it:" >&2
  echo "  mvn dependency:get -Dartifact=org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies -Dtransitive=false" >&2
  s3proxy=""
fi

export BENCH_COMMAND="bench/run.sh${*:+ $*}"
exec python3 "$here/bench.py" --jar "$jar" --s3proxy-jar "$s3proxy" "$@"
