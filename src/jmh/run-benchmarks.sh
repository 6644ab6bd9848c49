#!/usr/bin/env bash
# The measured benchmark run of docs/performance.md: builds the benchmarks (Maven profile
# `benchmarks`), then runs ActivationBenchmark twice — average time per call at one thread and
# throughput at eight threads, both with the GC profiler — and writes JMH's text and JSON results
# to target/jmh/. Extra arguments go to both JMH runs (e.g. `-f 1 -wi 1 -i 1 -r 1s` to try it out,
# or `-p scheme=http`); BENCHMARKS narrows them (a JMH regex, e.g. `ActivationBenchmark.(facade|floor)`).
# Takes about 15 minutes on two cores with the defaults.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/jmh
mkdir -p "$out"
# The benchmarks compile as the CLI module's test sources (they need the client, the simulator and
# `serve`); the profile writes their classpath to target/jmh/classpath.txt.
./mvnw -B -o -q -Pbenchmarks -DskipTests test-compile -pl src/cli -am
cp="src/cli/target/test-classes:src/cli/target/classes:$(cat "$out/classpath.txt")"

run() {
  local name=$1; shift
  java -cp "$cp" org.openjdk.jmh.Main "${BENCHMARKS:-ActivationBenchmark}" "$@" -prof gc \
    -prof io.github.devpayls.ls.benchmarks.ProcessCpuProfiler -rf json -rff "$out/$name.json" -o "$out/$name.txt"
  sed -n '/^Benchmark/,$p' "$out/$name.txt"
}

echo "load before: $(uptime)"
run single-thread -bm avgt -tu us -t 1 "$@"
echo "load between: $(uptime)"
run eight-threads -bm thrpt -tu s -t 8 "$@"
echo "load after: $(uptime)"
