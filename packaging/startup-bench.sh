#!/usr/bin/env bash
# Cold-start figures of a built Linux app-image, with and without its AOT cache (BENCHMARKS.md):
#   version  process start to exit of `Engram --version`
#   search   process start to the first line of `Engram search` on a small store (store opened,
#            query embedded, hybrid search answered)
#   window   process start to the desktop window being mapped (under Xvfb; needs xvfb and xdotool)
#   ready    process start to the desktop app's stores being open and its API answering /health
# "without" runs the same launcher with JAVA_TOOL_OPTIONS=-XX:AOTMode=off. Runs alternate between
# the two so that the machine's load hits both alike.
# Usage: packaging/startup-bench.sh [RUNS] [APP_IMAGE_DIR]   (default: 5, target/jpackage/Engram)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
image="${2:-$root/target/jpackage/Engram}"
engram="$image/bin/Engram"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
mode_env() { if [ "$1" = without ]; then echo "-XX:AOTMode=off"; else echo ""; fi; }

export ENGRAM_HOME="$work/store"
"$engram" add --org bench --project start "I prefer aisle seats on long flights" >/dev/null
"$engram" add --org bench --project start "My sister lives in Lyon" >/dev/null

display=""
if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
  Xvfb :77 -screen 0 1600x1000x24 >/dev/null 2>&1 &
  sleep 1
  display=":77"
fi
port=18977
mkdir -p "$work/desktop"
printf 'api.port=%s\n' "$port" > "$work/desktop/ui.properties"

declare -A results
for run in $(seq 1 "$runs"); do
  for mode in with without; do
    opts="$(mode_env $mode)"
    t0=$(now); JAVA_TOOL_OPTIONS="$opts" "$engram" --version >/dev/null 2>&1; t1=$(now)
    results[$mode.version]+="$(ms $t0 $t1) "
    t0=$(now)
    JAVA_TOOL_OPTIONS="$opts" "$engram" search --org bench --project start "seat preference" 2>/dev/null \
      | { read -r _; echo "$(now)" > "$work/first"; cat >/dev/null; }
    results[$mode.search]+="$(ms $t0 "$(cat "$work/first")") "
    if [ -n "$display" ]; then
      t0=$(now)
      DISPLAY=$display JAVA_TOOL_OPTIONS="$opts" "$engram" --data-dir "$work/desktop" >/dev/null 2>&1 &
      app=$!
      window=""; ready=""
      for _ in $(seq 1 1200); do
        if [ -z "$window" ] && DISPLAY=$display xdotool search --onlyvisible --name '^Engram$' >/dev/null 2>&1; then window=$(now); fi
        if [ -z "$ready" ] && curl -fsS "http://127.0.0.1:$port/api/v2/health" >/dev/null 2>&1; then ready=$(now); fi
        [ -n "$window" ] && [ -n "$ready" ] && break
        sleep 0.05
      done
      results[$mode.window]+="$( [ -n "$window" ] && ms $t0 "$window" || echo NA) "
      results[$mode.ready]+="$( [ -n "$ready" ] && ms $t0 "$ready" || echo NA) "
      kill -TERM $app 2>/dev/null || true
      wait $app 2>/dev/null || true
    fi
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {if (NR==0) print "NA"; else if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
echo "| measure | AOT cache | median ms | runs (ms) |"
echo "|---|---|---|---|"
for what in version search window ready; do
  for mode in with without; do
    values="${results[$mode.$what]:-}"
    [ -n "$values" ] || continue
    echo "| $what | $mode | $(echo "$values" | median) | ${values% } |"
  done
done
