#!/usr/bin/env bash
# Speed and memory of `slo check` next to a hand-written DuckDB query over a seeded 10M-row API
# log, plus start-up costs. What it measures and how to read it: docs/benchmarks.md.
#
# Usage: docs/bench.sh [RUNS]            RUNS: runs per case, default 3; medians are reported
# Environment: BENCH_DATA=folder         where the data is (generated when missing); default
#                                        target/bench-data (about 820 MB; never commit it)
#              SKIP_BUILD=1              use target/slo.jar and target/test-classes as they are
#              ONLY_CHECK=1              run only slo check (--at and default) and the reference,
#                                        for a quicker series of the window-end figures
#              TIMINGS=1                 also print where one run of slo check spends its time:
#                                        each DuckDB statement's wall time, with the JVM's uptime
#                                        and process CPU when it ended (-Dslo.timings=true)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-3}
DATA=${BENCH_DATA:-target/bench-data}
SPEC=src/test/resources/bench/bench-spec.yaml
AT=2026-01-31T00:00:00Z
JAR=target/slo.jar
# The reference runs on the same shaded jar, so it loads DuckDB's native library from beside the
# jar exactly as slo does.
CP="$JAR:target/test-classes"
TIME=/usr/bin/time
LOG=target/bench-log
RESULTS=$LOG/results.txt

[[ -x $TIME ]] || { echo "bench.sh needs GNU time at $TIME (Debian/Ubuntu: apt-get install time)" >&2; exit 2; }
mkdir -p "$LOG"
: >"$RESULTS"

if [[ -z ${SKIP_BUILD:-} ]]; then
  echo "building target/slo.jar and the benchmark classes ..." >&2
  mvn -B -q -o package -DskipTests || mvn -B -q package -DskipTests
fi

generated=
if [[ ! -f $DATA/api.csv || ! -f $DATA/api.parquet ]]; then
  generated=yes
  echo "generating the benchmark data in $DATA (about a minute) ..." >&2
  $TIME -f '%e %M' -o "$LOG/generate.time" \
    java -cp "$CP" io.slotoolkit.bench.BenchDataGenerator "$DATA" 2> >(tee "$LOG/generate.err" >&2)
fi

# measure NAME OK_CODES CMD...: runs CMD once; appends
# "NAME wall_s peak_KiB user_s sys_s exit ok" to RESULTS.
measure() {
  local name=$1 ok_codes=$2
  shift 2
  local code=0
  $TIME -f '%e %M %U %S' -o "$LOG/time.tmp" "$@" >"$LOG/$name.out" 2>"$LOG/$name.err" || code=$?
  local ok=no
  [[ " $ok_codes " == *" $code "* ]] && ok=yes
  # GNU time writes "Command exited with non-zero status N" before the figures
  echo "$name $(tail -1 "$LOG/time.tmp") $code $ok" >>"$RESULTS"
}

# slo and the reference run with the JVM flags of the ./slo launcher (C1 only and the serial
# collector: a short-lived process spends less CPU compiling and collecting), and each with a
# class-data archive of the classes it loads, as the launcher gives slo (trained the way the
# launcher trains it: checks of the bundled examples, with and without --cache; the reference's on
# one of its own runs).
JVM=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Xlog:cds*=off)
echo "writing the class-data archives ..." >&2
rm -f target/slo.jsa "$LOG/reference.jsa" "$LOG/reference.jar"
# an archive covers jars only, so the reference goes into one of its own
jar cf "$LOG/reference.jar" -C target/test-classes io/slotoolkit/bench/ReferenceQuery.class
docs/cds-archive.sh --slo target/slo.jsa "$JAR"
docs/cds-archive.sh "$LOG/reference.jsa" "$JAR:$LOG/reference.jar" \
  io.slotoolkit.bench.ReferenceQuery "$DATA/api.parquet" "$AT"
SLO_NO_CDS=("${JVM[@]}" -jar "$JAR")
SLO=("${JVM[@]}" -XX:SharedArchiveFile=target/slo.jsa -jar "$JAR")
REF=("${JVM[@]}" -XX:SharedArchiveFile="$LOG/reference.jsa" -cp "$JAR:$LOG/reference.jar")

echo "warming the page cache ..." >&2
cat "$DATA/api.csv" "$DATA/api.parquet" "$JAR" target/libduckdb_java.so_linux_amd64 >/dev/null

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for run in $(seq "$RUNS"); do
  for fmt in parquet csv; do
    echo "run $run/$RUNS: $fmt ..." >&2
    # 0: every SLO passed, 1: some SLO breached (the data has incidents); both are a finished run
    measure "slo-at-$fmt" "0 1" "${SLO[@]}" check "$SPEC" --source "api=$DATA/api.$fmt" --at "$AT" \
      --format json --output /dev/null
    measure "slo-default-$fmt" "0 1" "${SLO[@]}" check "$SPEC" --source "api=$DATA/api.$fmt" \
      --format json --output /dev/null
    measure "reference-$fmt" "0" "${REF[@]}" io.slotoolkit.bench.ReferenceQuery "$DATA/api.$fmt" "$AT"
    [[ -n ${ONLY_CHECK:-} ]] && continue
    measure "slo-nocds-$fmt" "0 1" "${SLO_NO_CDS[@]}" check "$SPEC" --source "api=$DATA/api.$fmt" \
      --at "$AT" --format json --output /dev/null
    # slo report on the same scan: trends, burn-down, group views; then with two breakdowns
    measure "report-$fmt" "0" "${SLO[@]}" report "$SPEC" --source "api=$DATA/api.$fmt" --at "$AT" \
      --format html --output /dev/null
    measure "report-by-$fmt" "0" "${SLO[@]}" report "$SPEC" --source "api=$DATA/api.$fmt" --at "$AT" \
      --by app_version --by region --format html --output /dev/null
  done
done
echo "start-up ..." >&2
for run in $(seq "$RUNS"); do
  [[ -n ${ONLY_CHECK:-} ]] && break
  measure slo-help "0" "${SLO[@]}" --help
  measure slo-version "0" "${SLO[@]}" --version
  measure slo-examples "0 1" "${SLO[@]}" check slo-specs --output /dev/null
  # the launcher users run from a checkout: its JVM flags and its is-the-jar-stale check included
  if [[ -x ./slo ]]; then
    measure launcher-help "0" ./slo --help
    measure launcher-version "0" ./slo --version
    measure launcher-examples "0 1" ./slo check slo-specs --output /dev/null
  fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# The counts must agree, or the timings compare different work; and the default window end must
# give the same output as --at (the data's latest event is just before $AT)
for fmt in parquet csv; do
  "${SLO[@]}" check "$SPEC" --source "api=$DATA/api.$fmt" --at "$AT" --format json \
    --output "$LOG/slo-$fmt.json" 2>/dev/null || true
  "${SLO[@]}" check "$SPEC" --source "api=$DATA/api.$fmt" --format json \
    --output "$LOG/slo-default-$fmt.json" 2>/dev/null || true
done

# values NAME FIELD: one value per run of NAME; FIELD wall (s), kib (peak RSS) or cpu (user+sys s)
values() {
  awk -v n="$1" -v f="$2" '$1 == n { print (f == "wall" ? $2 : f == "kib" ? $3 : $4 + $5) }' "$RESULTS" | sort -n
}
median() {
  values "$1" "$2" | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
best() { values "$1" "$2" | head -1; }
failed() { awk -v n="$1" '$1 == n && $7 != "yes" { print $6; exit }' "$RESULTS"; }
# wall: "median (best)"; a failed run marks the whole case, with its exit code
wall() { local f; f=$(failed "$1"); [[ -n $f ]] && { echo "failed (exit $f)"; return; }; echo "$(median "$1" wall) ($(best "$1" wall))"; }
cpu() { local f; f=$(failed "$1"); [[ -n $f ]] && { echo "-"; return; }; median "$1" cpu | awk '{ printf "%.2f", $1 }'; }
mib() { local f; f=$(failed "$1"); [[ -n $f ]] && { echo "-"; return; }; median "$1" kib | awk '{ printf "%.0f", $1 / 1024 }'; }
ratio() { awk -v a="${1%% *}" -v b="${2%% *}" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else print "-" }'; }

echo
echo "## slo check vs reference query ($RUNS runs each, medians; $(date -u +%Y-%m-%dT%H:%MZ))"
echo
echo "Machine: $(nproc) cores, $(free -h | awk '/^Mem:/ { print $2 }') RAM, $(java -version 2>&1 | head -1)."
echo "Load average before: $load_before; after: $load_after."
echo "Data: $DATA/api.csv $(du -m "$DATA/api.csv" | cut -f1) MiB, api.parquet $(du -m "$DATA/api.parquet" | cut -f1) MiB."
echo
echo "Wall time: median of the runs (best run in brackets). CPU: user + system seconds, median."
echo
echo "The reference is the least query giving the same window counts: one GROUPING SETS query, no"
echo "time buckets, no alert windows (ReferenceQuery). Target: slo / reference <= 1.1 on wall time."
echo
echo "| format | window end | slo wall, s | slo CPU, s | slo peak RSS, MiB | reference wall, s | reference CPU, s | reference peak RSS, MiB | wall slo / ref | CPU slo / ref |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for fmt in parquet csv; do
  r=reference-$fmt
  kinds="at default nocds"
  [[ -n ${ONLY_CHECK:-} ]] && kinds="at default"
  for kind in $kinds; do
    label="--at $AT"
    [[ $kind == default ]] && label="default --at"
    [[ $kind == nocds ]] && label="--at, no class-data archive"
    n=slo-$kind-$fmt
    echo "| $fmt | $label | $(wall "$n") | $(cpu "$n") | $(mib "$n") | $(wall "$r") | $(cpu "$r") | $(mib "$r") | $(ratio "$(wall "$n")" "$(wall "$r")") | $(ratio "$(cpu "$n")" "$(cpu "$r")") |"
  done
done
if [[ -z ${ONLY_CHECK:-} ]]; then
echo
echo "| format | command | wall, s | CPU, s | peak RSS, MiB | wall / check | CPU / check |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for fmt in parquet csv; do
  c=slo-at-$fmt
  echo "| $fmt | slo check --format json | $(wall "$c") | $(cpu "$c") | $(mib "$c") | 1 | 1 |"
  for n in report report-by; do
    label="slo report --format html"
    [[ $n == report-by ]] && label="slo report --format html --by app_version --by region"
    echo "| $fmt | $label | $(wall "$n-$fmt") | $(cpu "$n-$fmt") | $(mib "$n-$fmt") | $(ratio "$(wall "$n-$fmt")" "$(wall "$c")") | $(ratio "$(cpu "$n-$fmt")" "$(cpu "$c")") |"
  done
done
echo
echo "| start-up | wall, s | CPU, s | peak RSS, MiB |"
echo "| --- | --- | --- | --- |"
echo "| slo --help | $(wall slo-help) | $(cpu slo-help) | $(mib slo-help) |"
echo "| slo --version | $(wall slo-version) | $(cpu slo-version) | $(mib slo-version) |"
echo "| slo check slo-specs (bundled examples) | $(wall slo-examples) | $(cpu slo-examples) | $(mib slo-examples) |"
if [[ -x ./slo ]]; then
  echo "| ./slo --help | $(wall launcher-help) | $(cpu launcher-help) | $(mib launcher-help) |"
  echo "| ./slo --version | $(wall launcher-version) | $(cpu launcher-version) | $(mib launcher-version) |"
  echo "| ./slo check slo-specs | $(wall launcher-examples) | $(cpu launcher-examples) | $(mib launcher-examples) |"
fi
fi
if [[ -n $generated ]]; then
  read -r gs gk _ <"$LOG/generate.time"
  echo
  echo "Data generated in this run: $gs s, peak RSS $((gk / 1024)) MiB; $(tail -1 "$LOG/generate.err")"
fi
echo
echo "Reference counts (overall SLOs): $(cat "$LOG/reference-parquet.out")"
if command -v python3 >/dev/null; then
  for fmt in parquet csv; do
    python3 - "$LOG/slo-$fmt.json" "$fmt" <<'EOF' || true
import json, sys
try:
    results = json.load(open(sys.argv[1]))["results"]
except Exception as e:
    print(f"slo counts ({sys.argv[2]}): no JSON ({e})")
    sys.exit(0)
by = {r["slo"]: r for r in results if r.get("group") is None}
parts = [f'{n} {by[n]["good"]}/{by[n]["total"]}' for n in ("availability", "latency") if n in by]
print(f"slo counts ({sys.argv[2]}, overall SLOs): {', '.join(parts)}; {len(results)} results")
EOF
  done
fi
for fmt in parquet csv; do
  if cmp -s "$LOG/slo-$fmt.json" "$LOG/slo-default-$fmt.json"; then
    echo "slo check output ($fmt): the same with --at $AT and with the default window end"
  else
    echo "slo check output ($fmt): DIFFERS between --at $AT and the default window end"
  fi
done
if [[ -n ${TIMINGS:-} ]]; then
  for fmt in parquet csv; do
    for kind in at default; do
      args=()
      [[ $kind == at ]] && args=(--at "$AT")
      "${JVM[@]}" -XX:SharedArchiveFile=target/slo.jsa -Dslo.timings=true -jar "$JAR" check "$SPEC" \
        --source "api=$DATA/api.$fmt" "${args[@]}" --format json --output /dev/null 2>"$LOG/timings-$kind-$fmt.err" || true
      echo
      echo "One run of slo check ($fmt, $([[ $kind == at ]] && echo "--at $AT" || echo "default --at")): each statement's wall ms, then the JVM's uptime and process CPU ms when it ended"
      echo
      echo '```'
      grep '^slo.timings' "$LOG/timings-$kind-$fmt.err" | grep -v ' SET ' | cut -c13-160
      echo '```'
    done
  done
fi
echo
echo "Raw figures: $RESULTS (name, wall s, peak KiB, user s, sys s, exit code, ok); output of each run in $LOG/."
