#!/usr/bin/env bash
# Cold start, facade vs raw CXF (docs/performance.md): starts one simulator (HTTPS unless `http`
# is given as the second argument), then runs RUNS fresh JVMs per variant, alternating, each
# building a client and making one activation under /usr/bin/time -v. Prints each run and the
# median wall time (JVM start to exit after the first activation), CPU time (user + system, less
# sensitive to a loaded machine) and peak RSS per variant.
# Usage: src/jmh/cold-start.sh [RUNS=10] [https|http]
# Needs GNU time at /usr/bin/time (Debian/Ubuntu: apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
scheme=${2:-https}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

# The benchmarks compile as the CLI module's test sources; the profile writes their classpath.
./mvnw -q -Pbenchmarks -DskipTests test-compile
cp="src/cli/target/test-classes:src/cli/target/classes:$(cat target/jmh/classpath.txt)"

work=$(mktemp -d)
serve_args=(serve)
[ "$scheme" = http ] && serve_args+=(--http)
java -cp "$cp" io.github.devpayls.ls.cli.Main "${serve_args[@]}" > "$work/serve.txt" 2> "$work/serve.err" &
sim=$!
trap 'kill "$sim" 2>/dev/null; wait "$sim" 2>/dev/null; rm -rf "$work"; true' EXIT
for _ in $(seq 600); do grep -q '^activation-key\[' "$work/serve.txt" && break; sleep 0.1; done
value() { grep -m1 "^$1" "$work/serve.txt" | sed 's/^[^:]*: //'; }
endpoint=$(value 'endpoint:')
ca=$(value 'ca-certificate:'); ca=${ca:--}
token=$(value 'product-token\[')
key=$(value 'activation-key\[')

printf '%-8s %3s %9s %9s %9s %9s %13s\n' variant run wall-ms cpu-ms rss-MiB build-ms first-call-ms
for run in $(seq "$runs"); do
  for variant in facade raw-cxf; do
    /usr/bin/time -v -o "$work/time.txt" java -cp "$cp" io.github.devpayls.ls.benchmarks.ColdStart \
      "$variant" "$endpoint" "$ca" "$token" "$key" > "$work/run.txt"
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; printf "%d", s*1000}' "$work/time.txt")
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%d", s*1000}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2/1024}' "$work/time.txt")
    build=$(awk -F': ' '/^build-ms/ {print $2}' "$work/run.txt")
    first=$(awk -F': ' '/^first-call-ms/ {print $2}' "$work/run.txt")
    printf '%-8s %3d %9d %9d %9d %9d %13d\n' "$variant" "$run" "$wall" "$cpu" "$rss" "$build" "$first" | tee -a "$work/all.txt"
  done
done
echo
echo "median over $runs runs ($scheme):"
printf '%-8s %9s %9s %9s %9s %13s\n' variant wall-ms cpu-ms rss-MiB build-ms first-call-ms
for variant in facade raw-cxf; do
  median() { grep "^$variant " "$work/all.txt" | awk "{print \$$1}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
  printf '%-8s %9s %9s %9s %9s %13s\n' "$variant" "$(median 3)" "$(median 4)" "$(median 5)" "$(median 6)" "$(median 7)"
done
echo "load: $(uptime)"
