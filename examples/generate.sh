#!/usr/bin/env bash
# Regenerates the bundled example data in examples/homehub/ from its fixed seed.
# The output is the same on every machine; HomehubDataGeneratorTest fails if the files and the
# generator disagree, so run this after changing the generator and commit both.
set -euo pipefail
cd "$(dirname "$0")/.."

# Offline first (the usual case on a machine that has built the project); online when the local
# Maven repository lacks something.
mvn_q() { mvn -B -q -o "$@" || mvn -B -q "$@"; }

mvn_q test-compile
mvn_q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
java -cp "target/test-classes:target/classes:$(cat target/test.classpath)" \
  io.slotoolkit.examples.HomehubDataGenerator examples/homehub
du -sh examples/homehub
