#!/usr/bin/env bash
# Speed and memory of `slo check` on one request log in four shapes (CSV, JSON lines, raw access
# log text, and its per-minute roll-up read with the counts SLI), each next to the least
# hand-written DuckDB query that gives the same counts. Whole processes, medians of RUNS runs.
# What it measures and how to read it: docs/benchmarks.md, "Source formats".
#
# Usage: docs/bench-formats.sh [RUNS] [ROWS]   RUNS: runs per case (default 3)
#                                               ROWS: events in the log (default 10,000,000)
# Environment: SKIP_BUILD=1   use target/slo.jar and target/test-classes as they are
# The data goes to target/bench-formats (about 2.4 GB for 10M rows; never commit it).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-3}
ROWS=${2:-10000000}
DATA=target/bench-formats
SPECS=src/test/resources/bench/formats
AT=2026-01-31T00:00:00Z
FROM=2026-01-03T00:00:00Z # AT - 28d, the SLO window
JAR=target/slo.jar
TIME=/usr/bin/time
LOG=target/bench-formats-log
RESULTS=$LOG/results.txt

[[ -x $TIME ]] || { echo "needs GNU time at $TIME (apt-get install time)" >&2; exit 2; }
mkdir -p "$LOG"
: >"$RESULTS"
if [[ -z ${SKIP_BUILD:-} ]]; then
  echo "building target/slo.jar and the benchmark classes ..." >&2
  mvn -B -q -o test-compile package -DskipTests || mvn -B -q test-compile package -DskipTests
fi
# run from a copy, so that a build during the benchmark cannot change what is measured
mkdir -p "$LOG/bin"
cp "$JAR" target/libduckdb_java.so_linux_amd64 "$LOG/bin/"
rm -rf "$LOG/bin/test-classes" && cp -r target/test-classes "$LOG/bin/test-classes"
JAR=$LOG/bin/slo.jar
JVM=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
CP="$JAR:$LOG/bin/test-classes"
if [[ ! -f $DATA/rows || $(cat "$DATA/rows") != "$ROWS" ]]; then
  echo "generating $ROWS events in $DATA ..." >&2
  rm -rf "$DATA"
  "${JVM[@]}" -cp "$CP" io.slotoolkit.bench.FormatsBench generate "$DATA" "$ROWS"
  echo "$ROWS" >"$DATA/rows"
fi
ls -l "$DATA" >&2

window="WHERE ts >= TIMESTAMPTZ '$FROM' AND ts < TIMESTAMPTZ '$AT'"
declare -A REF
REF[csv]="SELECT count(*) FILTER (WHERE status < 500), count(*) FROM read_csv('$DATA/api.csv') $window"
REF[json]="SELECT count(*) FILTER (WHERE status < 500), count(*) FROM read_json('$DATA/api.jsonl') $window"
REF[log]="SELECT count(*) FILTER (WHERE status < 500), count(*) FROM (SELECT
  strptime(regexp_extract(line, '\\[([^\\]]+)\\]', 1), '%d/%b/%Y:%H:%M:%S %z') AS ts,
  regexp_extract(line, '\" (\\d{3}) ', 1)::INTEGER AS status
  FROM read_csv('$DATA/access.log', columns = {'line': 'VARCHAR'}, delim = '', quote = '',
    escape = '', header = false, auto_detect = false)) $window"
REF[counts]="SELECT sum(requests - errors), sum(requests) FROM read_csv('$DATA/rollup.csv')
  WHERE minute >= TIMESTAMPTZ '$FROM' AND minute < TIMESTAMPTZ '$AT'"

# measure NAME CMD...: runs CMD once; appends "NAME wall_s peak_KiB exit" to RESULTS
measure() {
  local name=$1 code=0
  shift
  $TIME -f '%e %M' -o "$LOG/time.tmp" "$@" >"$LOG/$name.out" 2>"$LOG/$name.err" || code=$?
  echo "$name $(tail -1 "$LOG/time.tmp") $code" >>"$RESULTS"
}

cat "$DATA"/* "$JAR" >/dev/null # warm the page cache
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for run in $(seq "$RUNS"); do
  for fmt in csv json log counts; do
    echo "run $run/$RUNS: $fmt ..." >&2
    measure "slo-$fmt" "${JVM[@]}" -jar "$JAR" check "$SPECS/$fmt.yaml" --at "$AT" --format json
    measure "duckdb-$fmt" "${JVM[@]}" -cp "$CP" io.slotoolkit.bench.FormatsBench query "${REF[$fmt]}"
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo
echo "$ROWS events, $RUNS runs, $(nproc) cores; load average before: $load_before, after: $load_after"
printf '%-8s %12s %12s %14s %14s  %s\n' format "slo s" "duckdb s" "slo MiB" "duckdb MiB" "same counts"
for fmt in csv json log counts; do
  s=$(awk -v n="slo-$fmt" '$1==n {print $2}' "$RESULTS" | median)
  d=$(awk -v n="duckdb-$fmt" '$1==n {print $2}' "$RESULTS" | median)
  sm=$(awk -v n="slo-$fmt" '$1==n {print $3/1024}' "$RESULTS" | median)
  dm=$(awk -v n="duckdb-$fmt" '$1==n {print $3/1024}' "$RESULTS" | median)
  slo_counts=$(grep -o '"good" : [0-9]*\|"total" : [0-9]*\|"good": [0-9]*\|"total": [0-9]*' "$LOG/slo-$fmt.out" \
    | head -2 | grep -o "[0-9]*$" | tr "\n" " " | sed "s/ $//" || true)
  ref_counts=$(cat "$LOG/duckdb-$fmt.out")
  same=$([[ "$slo_counts" == "$ref_counts" ]] && echo "yes ($slo_counts)" || echo "NO: slo $slo_counts, duckdb $ref_counts")
  printf '%-8s %12.2f %12.2f %14.0f %14.0f  %s\n' "$fmt" "$s" "$d" "$sm" "$dm" "$same"
done
