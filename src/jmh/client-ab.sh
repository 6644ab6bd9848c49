#!/usr/bin/env bash
# A/B of client builds per call (docs/performance.md, "Per call: where the client's CPU goes"):
# each variant is a copy of src/client/target/classes, put first on run-benchmarks.sh's classpath
# in place of the client module's own classes; variants run in turn, ROUNDS times, facade and floor
# in every run, so the ratios come from runs side by side. Extra arguments go to JMH.
#   cp -r src/client/target/classes /tmp/client-A     # before the change, then build and copy to /tmp/client-B
#   VARIANTS="A=/tmp/client-A B=/tmp/client-B" ROUNDS=2 src/jmh/client-ab.sh -bm avgt -tu us -t 1 -f 1 -wi 5 -w 2s -i 4 -r 2s
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/jmh
[ -f "$out/classpath.txt" ] && [ -f src/cli/target/test-classes/io/github/devpayls/ls/benchmarks/ProcessCpuProfiler.class ] \
  || ./mvnw -B -o -q -Pbenchmarks -DskipTests test-compile -pl src/cli -am
rest="src/cli/target/test-classes:src/cli/target/classes:$(tr ':' '\n' < "$out/classpath.txt" | grep -v '/src/client/target/classes' | paste -sd:)"
for round in $(seq 1 "${ROUNDS:-2}"); do
  for variant in ${VARIANTS:?VARIANTS=\"name=classes-dir ...\"}; do
    name=${variant%%=*}; dir=${variant#*=}
    echo "== round $round, $name, load: $(uptime | sed 's/.*average: //')"
    java -cp "$dir:$rest" org.openjdk.jmh.Main "${BENCHMARKS:-ActivationBenchmark.(facade|floor)\$}" -p scheme=https "$@" \
      -prof gc -prof io.github.devpayls.ls.benchmarks.ProcessCpuProfiler -o "$out/ab-$name-$round.txt" > /dev/null
    grep -E '^ActivationBenchmark\.[a-zA-Z]+( |:gc.alloc.rate.norm|:cpu.time.norm)' "$out/ab-$name-$round.txt" \
      | awk '{printf "    %-50s %12s ± %s %s\n", $1, $(NF-3), $(NF-1), $NF}'
  done
done
