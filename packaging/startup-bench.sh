#!/usr/bin/env bash
# Cold-start figures of a built Linux app-image, with and without its AOT cache (BENCHMARKS.md):
#   version  process start to exit of `Engram --version`
#   search   process start to the first line of `Engram search` on a small store (store opened,
#            query embedded, hybrid search answered)
#   window   process start to the desktop window being mapped (under Xvfb; needs xvfb and xdotool)
#   ready    process start to the desktop app's stores being open and its API answering /health
# (the *-cpu rows: CPU time the process had used by then; on a shared machine it moves less with the
# load than the wall time)
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
# CPU milliseconds (user + sys) of one run of the launcher with the given JAVA_TOOL_OPTIONS.
cpu_ms() {
  local opts="$1"; shift
  local TIMEFORMAT="%U %S" out
  out="$( { time JAVA_TOOL_OPTIONS="$opts" "$engram" "$@" >/dev/null 2>&1; } 2>&1 )"
  awk '{printf "%d", ($1 + $2) * 1000}' <<<"$out"
}
# CPU milliseconds a running process has used so far (utime + stime from /proc, in clock ticks).
proc_cpu_ms() {
  awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat" 2>/dev/null || echo NA
}
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
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  for mode in with without; do
    opts="$(mode_env $mode)"
    t0=$(now); cpu="$(cpu_ms "$opts" --version)"; t1=$(now)
    results[$mode.version]+="$(ms $t0 $t1) "
    results[$mode.version-cpu]+="$cpu "
    t0=$(now)
    JAVA_TOOL_OPTIONS="$opts" "$engram" search --org bench --project start "seat preference" 2>/dev/null \
      | { read -r _; echo "$(now)" > "$work/first"; cat >/dev/null; }
    results[$mode.search]+="$(ms $t0 "$(cat "$work/first")") "
    results[$mode.search-cpu]+="$(cpu_ms "$opts" search --org bench --project start "seat preference") "
    if [ -n "$display" ]; then
      # the previous run's window must be gone first
      for _ in $(seq 1 100); do
        [ -z "$(DISPLAY=$display xdotool search --name '^Engram$' 2>/dev/null)" ] && break
        sleep 0.1
      done
      t0=$(now)
      DISPLAY=$display JAVA_TOOL_OPTIONS="$opts" "$engram" --data-dir "$work/desktop" >/dev/null 2>&1 &
      app=$!
      window=""; ready=""; window_cpu=""; ready_cpu=""
      for _ in $(seq 1 1200); do
        # (xdotool search exits 0 even when it finds nothing: look at what it prints)
        if [ -z "$window" ] && [ -n "$(DISPLAY=$display xdotool search --onlyvisible --name '^Engram$' 2>/dev/null)" ]; then
          window=$(now); window_cpu=$(proc_cpu_ms $app)
        fi
        if [ -z "$ready" ] && curl -fsS "http://127.0.0.1:$port/api/v2/health" >/dev/null 2>&1; then
          ready=$(now); ready_cpu=$(proc_cpu_ms $app)
        fi
        [ -n "$window" ] && [ -n "$ready" ] && break
        sleep 0.05
      done
      results[$mode.window]+="$( [ -n "$window" ] && ms $t0 "$window" || echo NA) "
      results[$mode.window-cpu]+="${window_cpu:-NA} "
      results[$mode.ready]+="$( [ -n "$ready" ] && ms $t0 "$ready" || echo NA) "
      results[$mode.ready-cpu]+="${ready_cpu:-NA} "
      kill -TERM $app 2>/dev/null || true
      wait $app 2>/dev/null || true
    fi
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {if (NR==0) print "NA"; else if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| measure | AOT cache | median ms | runs (ms) |"
echo "|---|---|---|---|"
for what in version version-cpu search search-cpu window window-cpu ready ready-cpu; do
  for mode in with without; do
    values="${results[$mode.$what]:-}"
    [ -n "$values" ] || continue
    echo "| $what | $mode | $(echo "$values" | median) | ${values% } |"
  done
done
