#!/usr/bin/env bash
# The benchmark of issue 14, one command: the raw Artemis anchor and the packaged hub (H2, then the embedded
# PostgreSQL), one table with the ratios (also in target/bench/results.md), a JFR profile per database in target/bench/.
#   bash bench/run.sh            # the full run, about 13 minutes
#   bash bench/run.sh --short    # the regression check, about 5 minutes: exits 1 when the hub's fan-out is below
#                                # --least-fan-out-ratio (default 0.5, the target) of the raw Artemis anchor's rate
# Further arguments go to the benchmark: --databases h2 (one database only), --hub-arguments "--hub.x=y ...",
# --warm-up-seconds N (paced load at 40/s before the figures are taken; 90, or 60 in the short form), --intake-seconds N
# (the closed-loop intake; 10, or 5 in the short form), --no-profile
# (the hub without JFR attached).
set -euo pipefail
cd "$(dirname "$0")/.."
# always a clean build: a build over an old one keeps what was since deleted from the sources (a dropped migration
# stayed in target/classes, and so in the jar, and was measured with the rest)
mvn -B -q clean package -DskipTests
# the closed-loop intake's load generator: wrk where it can be installed (a C client leaves the two cores to the hub),
# else the JVM's HttpClient
if ! command -v wrk > /dev/null && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) > /dev/null 2>&1 \
    || echo "bench/run.sh: wrk could not be installed; the intake is driven by the JVM's HttpClient" >&2
fi
# the hub is started as production starts it, by bin/hub; its one-off unpacking and training run happen here
HUB_PREPARE_ONLY=1 bin/hub
mkdir -p target/bench
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt
exec java -Dlogback.configurationFile=bench/logback.xml -cp "$(cat target/bench/classpath.txt)" bench/src/HubBenchmark.java "$@"
