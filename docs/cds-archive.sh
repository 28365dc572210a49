#!/usr/bin/env bash
# Writes a static class-data archive: training runs list the classes they load, then
# `java -Xshare:dump` archives them. The ./slo launcher writes its archive with the --slo form; the
# benchmark scripts use it for slo and the plain form for the reference query. A static archive, not
# -XX:ArchiveClassesAtExit: on Java 17 only the static one takes picocli's classes (class files of
# version 49).
#
# usage: docs/cds-archive.sh ARCHIVE CLASSPATH MAIN_CLASS [ARGS...]
#          runs MAIN_CLASS ARGS once on CLASSPATH with the launcher's JVM flags (its exit status does
#          not matter), then writes ARCHIVE for that CLASSPATH
#        docs/cds-archive.sh --slo ARCHIVE JAR
#          slo's own training, run from the checkout's folder: `slo check` of the bundled examples,
#          then the same check with --cache in a new temporary folder twice (the cache written, then
#          read back), so that the archive also holds what --cache loads (docs/benchmarks.md)
# Run the measured command with the same class path (for a single jar, `-jar JAR` matches `-cp JAR`)
# and -XX:SharedArchiveFile=ARCHIVE.
set -uo pipefail
usage() {
  echo "usage: $0 ARCHIVE CLASSPATH MAIN_CLASS [ARGS...] | $0 --slo ARCHIVE JAR" >&2
  exit 2
}
JVM=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xlog:cds*=off)
# train N CLASSPATH MAIN [ARGS...]: one training run, its classes listed in $archive.N.classes
train() {
  local n=$1 cp=$2
  shift 2
  "${JVM[@]}" -XX:DumpLoadedClassList="$archive.$n.classes" -cp "$cp" "$@" >/dev/null 2>&1
}
if [[ ${1:-} == --slo ]]; then
  [[ $# -eq 3 ]] || usage
  archive=$2 cp=$3
  rm -f "$archive" "$archive".*.classes
  cache=$(mktemp -d "${TMPDIR:-/tmp}/slo-cds-cache.XXXXXX")
  check=(io.slotoolkit.Main check --format json --output /dev/null)
  train 1 "$cp" "${check[@]}"
  train 2 "$cp" "${check[@]}" --cache "$cache"
  train 3 "$cp" "${check[@]}" --cache "$cache"
  rm -rf "$cache"
else
  [[ $# -ge 3 ]] || usage
  archive=$1 cp=$2
  shift 2
  rm -f "$archive" "$archive".*.classes
  train 1 "$cp" "$@"
fi
# one list: each class once, in the order the runs first loaded it
awk '!seen[$0]++' "$archive".*.classes >"$archive.classes"
rm -f "$archive".*.classes
if ! "${JVM[@]}" -Xshare:dump -XX:SharedClassListFile="$archive.classes" -XX:SharedArchiveFile="$archive" \
  -cp "$cp" >"$archive.log" 2>&1; then
  echo "$0: could not write $archive (see $archive.log)" >&2
  rm -f "$archive" "$archive.classes"
  exit 1
fi
rm -f "$archive.classes" "$archive.log"
