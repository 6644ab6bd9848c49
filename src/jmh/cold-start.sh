#!/usr/bin/env bash
# Cold start (docs/performance.md): starts one simulator (HTTPS unless `http` is given as the
# second argument), then runs RUNS fresh JVMs per variant, alternating, under /usr/bin/time -v.
# Prints each run, then per variant the median wall time (JVM start to exit after the first
# activation), CPU time (user + system, less sensitive to a loaded machine), peak RSS, the in-JVM
# split (building the client, the first call) and the ratios against the floor.
#
# Variants (ColdStart's Javadoc says what each does):
#   facade raw-cxf bare-cxf floor  one client, one activation, in a fresh JVM (bare-cxf: the generated proxy on
#                             CXF's URLConnection conduit, nothing else: the least a CXF + stubs client costs)
#   cli                       the CLI's `activate` as a whole process (java -jar target/devpay-ls.jar)
#   cli-floor                 the floor as a CLI-like process (token from the environment, set written to a file)
#   app app-background        an application that starts up for 1.5 s, then the user presses Activate:
#                             "pressed" is the time from the press to the result, building the client
#                             at the press (app) or in the background from the start (app-background)
#   second-client             a second facade client in the same JVM: its build + first call
#   cli-other                 the cli variant with the jar $OTHER_CLI_JAR (A/B of a CLI change; not in the default set)
#   NAME+                     any variant with $B_OPTS added to its JVM (A/B of JVM options, e.g. VARIANTS="facade facade+"
#                             B_OPTS="-XX:TieredStopAtLevel=1"; %v in B_OPTS stands for NAME, e.g. for one CDS
#                             archive per variant: -XX:SharedArchiveFile=/tmp/%v.jsa); its ratios are against NAME
# Ratios: facade, raw-cxf and bare-cxf against floor; cli and cli-other against cli-floor; app-background against app (time from
# the press); second-client's second client against its first (build + first call, same JVM).
#
# Usage: src/jmh/cold-start.sh [RUNS=10] [https|http]
# Environment: VARIANTS (default all, in the order above), JAVA_OPTS (added to every JVM),
#   CLI_OPTS (added to the cli variant only, e.g. -XX:SharedArchiveFile=...).
# Needs GNU time at /usr/bin/time (Debian/Ubuntu: apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
scheme=${2:-https}
variants=${VARIANTS:-facade raw-cxf bare-cxf floor cli cli-floor app app-background second-client}
read -r -a java_opts <<< "${JAVA_OPTS:-}"
read -r -a cli_opts <<< "${CLI_OPTS:-}"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

# The benchmarks compile as the CLI module's test sources; the profile writes their classpath.
# `package` also shades the CLI into target/devpay-ls.jar for the cli variant.
./mvnw -B -o -q -Pbenchmarks -DskipTests package -pl src/cli -am
work=$(mktemp -d)
# Jars, not directories, on the class path: AppCDS (-XX:SharedArchiveFile) accepts jars only.
jar cf "$work/benchmarks.jar" -C src/cli/target/test-classes .
jar cf "$work/cli-classes.jar" -C src/cli/target/classes .
cp="$work/benchmarks.jar:$work/cli-classes.jar:$(cat target/jmh/classpath.txt)"
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
product=$(grep -m1 '^product-token\[' "$work/serve.txt" | sed 's/^product-token\[\([^]]*\)\].*/\1/')
printf '%s\n' "$token" > "$work/product-token"

command_of() {
  local store="$work/store-$1-$2"
  local extra=()
  case "$1" in *+) read -r -a extra <<< "${B_OPTS//%v/${1%+}}"; set -- "${1%+}" "$2" ;; esac
  case "$1" in
    cli|cli-other)
      local trust=(--ca-file "$ca"); [ "$ca" = - ] && trust=(--allow-insecure-loopback)
      local jar=target/devpay-ls.jar; [ "$1" = cli-other ] && jar=${OTHER_CLI_JAR:?cli-other needs OTHER_CLI_JAR}
      echo java "${java_opts[@]}" "${extra[@]}" "${cli_opts[@]}" -jar "$jar" activate --endpoint "$endpoint" "${trust[@]}" \
        --product "$product" --store "$store" --product-token-file "$work/product-token" --activation-key "$key" ;;
    *)
      echo java "${java_opts[@]}" "${extra[@]}" -cp "$cp" io.github.devpayls.ls.benchmarks.ColdStart "$1" "$endpoint" "$ca" "$token" "$key" "$store" ;;
  esac
}
field() { awk -F': ' -v k="$1" '$1 == k {print $2}' "$work/run.txt" | head -1; }

# One unmeasured run per variant first, for the page cache. For a NAME+ variant whose B_OPTS name a
# -XX:SharedArchiveFile that does not exist yet, that run creates the archive (-XX:ArchiveClassesAtExit).
for variant in $variants; do
  # shellcheck disable=SC2046
  set -- $(command_of "$variant" 0)
  archive=$(printf '%s\n' "$@" | sed -n 's/^-XX:SharedArchiveFile=//p')
  if [ -n "$archive" ] && [ ! -e "$archive" ]; then
    set -- $(printf '%s\n' "$@" | sed 's/^-XX:SharedArchiveFile=/-XX:ArchiveClassesAtExit=/')
  fi
  DEVPAY_LS_PRODUCT_TOKEN="$token" "$@" > /dev/null 2>&1 || { echo "warm-up run of $variant failed" >&2; exit 1; }
done

printf '%-14s %3s %8s %8s %8s %9s %13s %10s %15s\n' variant run wall-ms cpu-ms rss-MiB build-ms first-call-ms pressed-ms first-client-ms
for run in $(seq "$runs"); do
  for variant in $variants; do
    # shellcheck disable=SC2046
    DEVPAY_LS_PRODUCT_TOKEN="$token" /usr/bin/time -v -o "$work/time.txt" $(command_of "$variant" "$run") > "$work/run.txt"
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; printf "%d", s*1000}' "$work/time.txt")
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%d", s*1000}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2/1024}' "$work/time.txt")
    build=$(field build-ms); first=$(field first-call-ms); pressed=$(field pressed-to-result-ms)
    first_client=$(field first-client-ms)
    printf '%-14s %3d %8d %8d %8d %9s %13s %10s %15s\n' "$variant" "$run" "$wall" "$cpu" "$rss" "${build:--}" "${first:--}" \
      "${pressed:--}" "${first_client:--}" | tee -a "$work/all.txt"
  done
done

median() { grep -F "$1 " "$work/all.txt" | awk -v v="$1" '$1 == v'  | awk -v c="$2" '$c != "-" {print $c}' | sort -n \
  | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a/b}'; }
echo
echo "median over $runs runs ($scheme):"
printf '%-14s %8s %8s %8s %9s %13s %10s %15s   %s\n' variant wall-ms cpu-ms rss-MiB build-ms first-call-ms pressed-ms first-client-ms \
  'ratio wall / cpu / rss'
for variant in $variants; do
  case "$variant" in *+) base=${variant%+} ;; cli|cli-other) base=cli-floor ;; app-background) base=app ;; second-client) base=second-client ;; facade|raw-cxf|bare-cxf) base=floor ;; *) base= ;; esac
  ratios=
  if [ -n "$base" ] && grep -q "^$base " "$work/all.txt"; then
    if [ "$variant" = app-background ]; then
      ratios="pressed : app $(ratio "$(median "$variant" 8)" "$(median "$base" 8)")"
    elif [ "$variant" = second-client ]; then
      ratios="second client (build + first call) : first client's $(ratio "$(( $(median "$variant" 6) + $(median "$variant" 7) ))" "$(median "$variant" 9)")"
    else
      ratios="$base $(ratio "$(median "$variant" 3)" "$(median "$base" 3)") / $(ratio "$(median "$variant" 4)" "$(median "$base" 4)") / $(ratio "$(median "$variant" 5)" "$(median "$base" 5)")"
    fi
  fi
  printf '%-14s %8s %8s %8s %9s %13s %10s %15s   %s\n' "$variant" "$(median "$variant" 3)" "$(median "$variant" 4)" \
    "$(median "$variant" 5)" "$(median "$variant" 6)" "$(median "$variant" 7)" "$(median "$variant" 8)" "$(median "$variant" 9)" "$ratios"
done
echo "load: $(uptime)"
