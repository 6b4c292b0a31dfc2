#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer, shipped with the Swift toolchain) of the parsers that take
# outside input. Separate from `swift build`: each target is compiled here with swiftc from the
# module sources it needs, with -sanitize=fuzzer,address, into .build/fuzz.
#
#   Scripts/fuzz.sh [SECONDS] [TARGET…]     default: 60 s each, every target
#
# Targets: sse (SSEParser), lines (LineSplitter), json (JSONParser/JSONPrinter),
# schema (JSONSchemaValidator), auth (HTTPResponseHead's 401 header parsing + Redactor).
# Each target's sources are in Fuzz/ and assert invariants (see docs/hostile-servers.md).
# Each starts from the seeds in Fuzz/seeds/TARGET. The corpus of each lives in
# .build/fuzz/corpus/TARGET and grows across runs; crashes are
# written to .build/fuzz/crashes/TARGET. The inputs each target ran are appended to
# .build/fuzz/runs.tsv (date, target, seconds, runs, result) and printed at the end.
# Exit status: 0 when no target found a crash, 1 otherwise.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds=60
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
all=(sse lines json schema auth)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

build=.build/fuzz
mkdir -p "$build/modules"
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6)
core=Sources/PreflightCore

# Rebuilds $1 when any of the remaining files is newer.
stale() {
  local out=$1
  shift
  [ -e "$out" ] || return 0
  local file
  for file in "$@"; do
    [ "$file" -nt "$out" ] && return 0
  done
  return 1
}

json_sources=(Sources/PreflightJSON/*.swift)
json_object="$build/PreflightJSON.o"
json_module() {
  if stale "$json_object" "${json_sources[@]}" "$0"; then
    echo "fuzz.sh: compiling PreflightJSON"
    swiftc "${flags[@]}" -wmo -c -module-name PreflightJSON \
      -emit-module-path "$build/modules/PreflightJSON.swiftmodule" \
      "${json_sources[@]}" -o "$json_object" 2> >(grep -v "Cannot export" >&2)
    # swiftc leaves an unchanged output's time alone; the next staleness check needs it fresh.
    touch "$json_object"
  fi
}

# Builds target $1 from Fuzz/$2 and the module sources after it.
build_target() {
  local name=$1 entry=$2
  shift 2
  local sources=("Fuzz/$entry" "$@")
  local out="$build/fuzz-$name"
  local extra=()
  if [[ $name == json || $name == schema || $name == auth ]]; then
    json_module
    extra=(-I "$build/modules" "$json_object")
  fi
  if stale "$out" "${sources[@]}" "$json_object" "$0"; then
    echo "fuzz.sh: compiling $name"
    swiftc "${flags[@]}" -module-name "Fuzz_$name" "${extra[@]}" "${sources[@]}" -o "$out" \
      2> >(grep -v "Cannot export" >&2)
    touch "$out"
  fi
}

for target in "${targets[@]}"; do
  case $target in
    sse) build_target sse SSEParserFuzz.swift "$core/Transport/SSEParser.swift" \
      "$core/Transport/SSEEvent.swift" ;;
    lines) build_target lines LineSplitterFuzz.swift "$core/Transport/LineSplitter.swift" ;;
    json) build_target json JSONParserFuzz.swift ;;
    schema) build_target schema SchemaValidatorFuzz.swift "$core"/Schema/*.swift ;;
    auth) build_target auth AuthHeaderFuzz.swift "$core/Transport/HTTPResponseHead.swift" \
      "$core/Transport/HTTPRecord.swift" "$core"/Wire/Redactor*.swift ;;
    *)
      echo "fuzz.sh: unknown target '$target' (targets: ${all[*]})" >&2
      exit 2
      ;;
  esac
done

failed=0
summary=()
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  crashes="$build/crashes/$target"
  mkdir -p "$corpus" "$crashes"
  log="$build/$target.log"
  echo "fuzz.sh: running $target for $seconds s"
  set +e
  ASAN_OPTIONS=detect_leaks=0 "$build/fuzz-$target" "$corpus" "Fuzz/seeds/$target" -max_total_time="$seconds" \
    -max_len=65536 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$crashes/" >"$log" 2>&1
  status=$?
  set -e
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  runs=${runs:-$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)}
  result=ok
  if [ $status -ne 0 ]; then
    result="CRASH (status $status; see $log and $crashes)"
    failed=1
    tail -30 "$log" >&2
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$seconds" "${runs:-?}" "$result" \
    >>"$build/runs.tsv"
  summary+=("$(printf '%-7s %10s inputs in %s s  %s' "$target" "${runs:-?}" "$seconds" "$result")")
done

echo "== fuzz.sh summary"
printf '%s\n' "${summary[@]}"
exit $failed
