#!/usr/bin/env bash
# Writes a static class-data archive the way the ./slo launcher does: a training run lists the classes
# it loads, then `java -Xshare:dump` archives them. Used by the benchmark scripts for slo and for the
# reference query alike. A static archive, not -XX:ArchiveClassesAtExit: on Java 17 only the static
# one takes picocli's classes (class files of version 49).
#
# usage: docs/cds-archive.sh ARCHIVE CLASSPATH MAIN_CLASS [ARGS...]
#   runs MAIN_CLASS ARGS on CLASSPATH with the launcher's JVM flags (its exit status does not matter),
#   then writes ARCHIVE for that CLASSPATH; run the measured command with the same class path (for
#   a single jar, `-jar JAR` matches `-cp JAR`) and -XX:SharedArchiveFile=ARCHIVE.
set -uo pipefail
[[ $# -ge 3 ]] || { echo "usage: $0 ARCHIVE CLASSPATH MAIN_CLASS [ARGS...]" >&2; exit 2; }
archive=$1 cp=$2 main=$3
shift 3
JVM=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xlog:cds*=off)
rm -f "$archive" "$archive.classes"
"${JVM[@]}" -XX:DumpLoadedClassList="$archive.classes" -cp "$cp" "$main" "$@" >/dev/null 2>&1
if ! "${JVM[@]}" -Xshare:dump -XX:SharedClassListFile="$archive.classes" -XX:SharedArchiveFile="$archive" \
  -cp "$cp" >"$archive.log" 2>&1; then
  echo "$0: could not write $archive (see $archive.log)" >&2
  rm -f "$archive" "$archive.classes"
  exit 1
fi
rm -f "$archive.classes" "$archive.log"
