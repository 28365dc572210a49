#!/usr/bin/env bash
# What `slo check --cache` saves on 90 daily files of 1M rows each when one new (91st) file arrives:
# the same check without the cache and with a cache warmed on the 90 files, on CSV and on Parquet,
# interleaved, whole processes, medians of RUNS runs. Prints wall, CPU (user+sys), peak RSS, the
# speed-up, the cache's size against the data's, and checks that the JSON outputs are identical.
# What it measures and how to read it: docs/benchmarks.md, "Scan cache".
#
# Usage: docs/bench-cache.sh [RUNS]   RUNS: runs per case (default 3)
#        REPORT=1 docs/bench-cache.sh [RUNS]   the same for `slo report --format json`
#                 (its own warm caches, cache-report-FMT-warm)
# Environment: SKIP_BUILD=1  use target/slo.jar as it is
#              ROWS=N        rows per daily file (default 1000000); DAYS=N files before the new one (90)
#              FORMATS="csv parquet"  the formats to measure (default both)
#              WINDOW=90d    the window of the two overall SLOs (the spec's own is 28d): a gate over
#                            the whole history, which a 28-day window lets Parquet's statistics skip
#                            (its own warm caches, cache-[report-]90d-FMT-warm)
# The data goes to target/bench-cache/ROWS (about 5 GB of CSV and 1 GB of Parquet; never commit it).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-3}
FORMATS=${FORMATS:-csv parquet}
ROWS=${ROWS:-1000000}
DAYS=${DAYS:-90}
DATA=target/bench-cache/$ROWS
SPEC=src/test/resources/bench/bench-spec.yaml
JAR=target/slo.jar
# the command measured: slo check, or with REPORT=1 slo report (JSON); each keeps its own caches
CMD=check
KIND=
if [[ -n ${REPORT:-} ]]; then CMD=report; KIND=report-; fi
WINDOW=${WINDOW:-}
TIME=/usr/bin/time
LOG=target/bench-cache-log
RESULTS=$LOG/results.txt
DUCKDB_JAR=$(ls ~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar | tail -1)

[[ -x $TIME ]] || { echo "needs GNU time at $TIME (apt-get install time)" >&2; exit 2; }
mkdir -p "$LOG" "$DATA"
: >"$RESULTS"
need_gb=$(( ROWS * (DAYS + 1) * 66 / 1000000000 + 1 ))
free_gb=$(df -BG --output=avail "$DATA" | tail -1 | tr -dc 0-9)
if [[ ! -f $DATA/csv/day-$(printf %03d $((DAYS - 1))).csv ]] && (( free_gb < need_gb + 2 )); then
  echo "needs about $need_gb GB free in $DATA, has $free_gb GB" >&2
  exit 2
fi
if [[ -z ${SKIP_BUILD:-} ]]; then
  echo "building target/slo.jar ..." >&2
  mvn -B -q -o package -DskipTests -Dinvoker.skip=true || mvn -B -q package -DskipTests -Dinvoker.skip=true
fi
# run from a copy, so that a build during the benchmark cannot change what is measured
mkdir -p "$LOG/bin"
cp "$JAR" target/libduckdb_java.so_linux_amd64 "$LOG/bin/"
JAR=$LOG/bin/slo.jar
# the ./slo launcher's JVM flags and, as it does, a class-data archive trained on checks of the
# bundled examples, with and without --cache (written beside the copied jar)
JVM=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Xlog:cds*=off)
rm -f "$LOG/bin/slo.jsa"
docs/cds-archive.sh --slo "$LOG/bin/slo.jsa" "$JAR"
JVM+=(-XX:SharedArchiveFile="$LOG/bin/slo.jsa")
if [[ -n $WINDOW ]]; then
  [[ $WINDOW =~ ^[0-9]+d$ ]] || { echo "WINDOW must be a number of days, such as 90d" >&2; exit 2; }
  # the spec with that window for its two overall SLOs; the rest (7d, week, month) as they are
  sed "s/^    window: 28d\$/    window: $WINDOW/" "$SPEC" >"$LOG/bench-spec-$WINDOW.yaml"
  [[ $(grep -c "window: $WINDOW\$" "$LOG/bench-spec-$WINDOW.yaml") == 2 ]] ||
    { echo "$SPEC no longer has two 28d windows to replace" >&2; exit 2; }
  SPEC=$LOG/bench-spec-$WINDOW.yaml
  KIND=$KIND$WINDOW-
fi
GEN=(java -cp "$DUCKDB_JAR" src/test/java/io/slotoolkit/bench/DailyFilesGenerator.java "$DATA")

# the 90 days the cache is warmed on; the new file is written after that
rm -f "$DATA/csv/day-$(printf %03d "$DAYS").csv" "$DATA/parquet/day-$(printf %03d "$DAYS").parquet"
echo "generating $DAYS daily files of $ROWS rows (kept when present) ..." >&2
"${GEN[@]}" 0 $((DAYS - 1)) "$ROWS"
for fmt in $FORMATS; do
  # a cache warmed by an earlier run is kept (delete it to warm again); one of another version or
  # spec would be ignored with a note in the cached runs' stderr, and their times would show it
  [[ -d $DATA/cache-$KIND$fmt-warm ]] && continue
  echo "warming the $fmt cache on $DAYS files ..." >&2
  "${JVM[@]}" -jar "$JAR" $CMD "$SPEC" --source "api=$DATA/$fmt/*.$fmt" --format json \
    --fail-on none --cache "$DATA/cache-$KIND$fmt-warm" >/dev/null
done
echo "the new file arrives ..." >&2
"${GEN[@]}" "$DAYS" "$DAYS" "$ROWS"

# measure NAME CMD...: runs CMD once; appends "NAME wall_s cpu_s peak_KiB exit" to RESULTS
measure() {
  local name=$1 code=0
  shift
  $TIME -f '%e %U %S %M' -o "$LOG/time.tmp" "$@" >"$LOG/$name.out" 2>"$LOG/$name.err" || code=$?
  read -r wall user sys rss <"$LOG/time.tmp"
  echo "$name $wall $(echo "$user + $sys" | bc) $rss $code" >>"$RESULTS"
}

for fmt in $FORMATS; do cat "$DATA/$fmt"/* >/dev/null; done # warm the page cache
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
same=yes
for run in $(seq "$RUNS"); do
  for fmt in $FORMATS; do
    echo "run $run/$RUNS: $fmt without the cache ..." >&2
    measure "plain-$fmt" "${JVM[@]}" -jar "$JAR" $CMD "$SPEC" --source "api=$DATA/$fmt/*.$fmt" \
      --format json --fail-on none
    # every cached run starts from the cache as the 90 files left it
    rm -rf "$DATA/cache-$KIND$fmt" && cp -r "$DATA/cache-$KIND$fmt-warm" "$DATA/cache-$KIND$fmt"
    echo "run $run/$RUNS: $fmt with the cache ..." >&2
    measure "cached-$fmt" "${JVM[@]}" -jar "$JAR" $CMD "$SPEC" --source "api=$DATA/$fmt/*.$fmt" \
      --format json --fail-on none --cache "$DATA/cache-$KIND$fmt"
    cmp -s "$LOG/plain-$fmt.out" "$LOG/cached-$fmt.out" || same=no
    if [[ -s $LOG/cached-$fmt.err ]]; then
      echo "the cached run's stderr:" >&2
      cat "$LOG/cached-$fmt.err" >&2
    fi
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
col() { awk -v n="$1" -v c="$2" '$1==n {print $c}' "$RESULTS" | median; }
echo
echo "slo $CMD ($SPEC): $((DAYS + 1)) files of $ROWS rows, $RUNS runs, $(nproc) cores; load average before: $load_before, after: $load_after"
printf '%-8s %10s %10s %10s %10s %10s %10s %9s %12s %12s %7s\n' format "plain s" "cached s" \
  "plain cpu" "cached cpu" "plain MiB" "cached MiB" "speed-up" "data MiB" "cache KiB" "cache %"
for fmt in $FORMATS; do
  pw=$(col "plain-$fmt" 2); cw=$(col "cached-$fmt" 2)
  pc=$(col "plain-$fmt" 3); cc=$(col "cached-$fmt" 3)
  pm=$(col "plain-$fmt" 4); cm=$(col "cached-$fmt" 4)
  data=$(du -cb "$DATA/$fmt" | tail -1 | cut -f1)
  cache=$(du -cb "$DATA/cache-$KIND$fmt" | tail -1 | cut -f1)
  printf '%-8s %10.2f %10.2f %10.2f %10.2f %10.0f %10.0f %8.1fx %12.0f %12.0f %6.3f%%\n' "$fmt" \
    "$pw" "$cw" "$pc" "$cc" "$(echo "$pm / 1024" | bc)" "$(echo "$cm / 1024" | bc)" \
    "$(echo "scale=2; $pw / $cw" | bc)" "$(echo "$data / 1048576" | bc)" \
    "$(echo "$cache / 1024" | bc)" "$(echo "scale=4; 100 * $cache / $data" | bc)"
done
echo "exit codes: $(awk '{print $5}' "$RESULTS" | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"
echo "JSON outputs identical with and without the cache: $same"
[[ $same == yes ]]
