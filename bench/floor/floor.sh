#!/usr/bin/env bash
# The Jetty floor for GET 4 KiB: JettyFloor (Jetty 12 from fs3's jar, one non-blocking handler, 4 KiB from
# memory) pinned like the benchmark pins its servers (server CPU 1, wrk CPU 0, 16 connections, the same
# wrk script), warmed 24 s, measured 8 s; prints ops/s and the server's CPU per request.
# Usage: [CONNS=64] bench/floor/floor.sh   (default 16 connections; needs the built jar, wrk and a JDK; run nothing else meanwhile)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../../server/target/fs3-server.jar"
[[ -f "$jar" ]] || { echo "floor: build fs3 first (mvn -B -q package -DskipTests)" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
javac -d "$tmp" -cp "$jar" "$here/JettyFloor.java"
for i in $(seq 0 999); do echo "/bench/small/o$i"; done > "$tmp/paths.txt"
port=$((20000 + RANDOM % 20000))
taskset -c 1 java -cp "$jar:$tmp" JettyFloor "$port" > "$tmp/server.log" 2>&1 &
pid=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
run() { taskset -c 0 wrk -t1 -c"${CONNS:-16}" -d"$1" -s "$here/../wrk/paths.lua" "http://127.0.0.1:$port" -- "$tmp/paths.txt"; }
for _ in 1 2 3 4 5 6; do run 4s > /dev/null; done
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
t0=$(ticks)
out="$(run 8s)"
t1=$(ticks)
rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
hz=$(getconf CLK_TCK)
awk -v rps="$rps" -v t="$((t1 - t0))" -v hz="$hz" \
  -v conns="${CONNS:-16}" 'BEGIN { printf "Jetty floor, GET 4 KiB, %d conns: %.0f ops/s, server CPU %.1f µs/req\n", conns, rps, t / hz * 1e6 / (rps * 8) }'
