#!/usr/bin/env bash
# What a time-slice SLO costs: `slo check` on the 10M-row benchmark data (docs/bench.sh generates
# it) with the benchmark's 6 SLOs, then with one more SLO that budgets by 5-minute slices, then
# with one more per-customer SLO in 1-hour slices. Runs are interleaved; medians are printed.
#
# Usage: docs/bench-timeslices.sh [RUNS]   RUNS per case, default 5
# Environment: BENCH_DATA=folder          the data (default target/bench-data; run docs/bench.sh
#                                         once to generate it)
#              SKIP_BUILD=1               use target/slo.jar (or SLO_JAR) as it is
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-5}
DATA=${BENCH_DATA:-target/bench-data}
AT=2026-01-31T00:00:00Z
JAR=${SLO_JAR:-target/slo.jar}
TIME=/usr/bin/time
LOG=target/bench-log/timeslices
[[ -x $TIME ]] || { echo "needs GNU time at $TIME" >&2; exit 2; }
[[ -f $DATA/api.parquet && -f $DATA/api.csv ]] || { echo "no benchmark data in $DATA: run docs/bench.sh first" >&2; exit 2; }
mkdir -p "$LOG"
if [[ -z ${SKIP_BUILD:-} ]]; then
  mvn -B -q -o package -DskipTests || mvn -B -q package -DskipTests
fi
JVM=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Xlog:cds*=off)
specs=(src/test/resources/bench/bench-spec.yaml
  src/test/resources/bench/bench-timeslices.yaml
  src/test/resources/bench/bench-timeslices-per.yaml)
names=(base +5m-slices +1h-slices-per-customer)
: >"$LOG/results.txt"
for format in parquet csv; do
  for ((run = 1; run <= RUNS; run++)); do
    for i in 0 1 2; do
      code=0
      $TIME -f '%e %M %U %S' -o "$LOG/time.tmp" "${JVM[@]}" -jar "$JAR" check "${specs[$i]}" \
        --source "api=$DATA/api.$format" --at "$AT" --fail-on none --format json \
        >"$LOG/${names[$i]}.$format.out" 2>"$LOG/${names[$i]}.$format.err" || code=$?
      [[ $code == 0 ]] || { echo "${names[$i]} $format exited $code" >&2; cat "$LOG/${names[$i]}.$format.err" >&2; exit 1; }
      echo "$format ${names[$i]} $(tail -1 "$LOG/time.tmp")" >>"$LOG/results.txt"
    done
  done
done
# median wall, CPU (user + sys) and peak RSS per case, and the ratio of wall time to the base
awk '
  { key = $1 " " $2; n[key]++; wall[key, n[key]] = $3; rss[key, n[key]] = $4; cpu[key, n[key]] = $5 + $6 }
  function median(a, key, m,   i, j, t, v) {
    for (i = 1; i <= m; i++) v[i] = a[key, i]
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
  }
  END {
    printf "%-8s %-26s %8s %8s %10s %8s\n", "format", "case", "wall s", "CPU s", "RSS MiB", "x base"
    split("parquet csv", fs, " "); split("base +5m-slices +1h-slices-per-customer", cs, " ")
    for (f = 1; f <= 2; f++) {
      b = median(wall, fs[f] " base", n[fs[f] " base"])
      for (c = 1; c <= 3; c++) {
        k = fs[f] " " cs[c]; w = median(wall, k, n[k])
        printf "%-8s %-26s %8.2f %8.2f %10.0f %8.2f\n", fs[f], cs[c], w, median(cpu, k, n[k]), median(rss, k, n[k]) / 1024, w / b
      }
    }
  }' "$LOG/results.txt"
