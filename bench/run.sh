#!/usr/bin/env bash
# The benchmark of issue 14, one command: the raw Artemis anchor and the packaged hub (H2, then the embedded
# PostgreSQL), one table with the ratios (also in target/bench/results.md), a JFR profile per database in target/bench/.
#   bash bench/run.sh            # the full run, about 8 minutes
#   bash bench/run.sh --short    # the regression check, about 2 minutes: exits 1 when the hub's fan-out is below
#                                # half the raw Artemis anchor's rate
# Further arguments go to the benchmark: --databases h2 (one database only), --jvm-options "-Xmx256m ...".
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/sin-hub-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ -n "$(find src routes config pom.xml -newer "$jar" -print -quit)" ]; then
  mvn -B -q package -DskipTests
fi
mkdir -p target/bench
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt
# the hub runs with the JVM options of its launcher (bin/hub and the Dockerfile read the same file)
jvm_options=$({ grep -v '^#' config/jvm.options || true; } | tr '\n' ' ')
exec java -Dlogback.configurationFile=bench/logback.xml -cp "$(cat target/bench/classpath.txt)" bench/src/HubBenchmark.java --jvm-options "$jvm_options" "$@"
