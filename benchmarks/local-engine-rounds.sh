#!/usr/bin/env bash
# LocalEngineBenchmark as pairs run back to back, in rounds: each round runs, for each work, the d1
# benchmark and its raw sqlite-jdbc twin in one JMH invocation (one fork each, 3 warm-up and 5
# measured iterations of 2 s), so the two sides of a ratio are measured a minute apart at most
# and the VM's slow drift between runs (seen here: +-30% over half an hour) falls on both. Prints
# each round's ratio (d1 / raw throughput) per work and, at the end, the median of the rounds.
# Usage: benchmarks/local-engine-rounds.sh <rounds> [work folder]
# Needs: ./mvnw -q -pl benchmarks -am package -DskipTests -Dmaven.javadoc.skip=true
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-3}"
work="$(mkdir -p "${2:-/tmp/local-engine-rounds}" && cd "${2:-/tmp/local-engine-rounds}" && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
: > "$work/ratios.txt"
for round in $(seq 1 "$rounds"); do
  for pair in PointSelect:PointSelect Scan10k:Scan10k BatchInsert1k:BatchInsert1k; do
    name="${pair%%:*}"
    out="$work/round-$round-$name.json"
    java -jar "$jar" "LocalEngineBenchmark\.(d1|jdbc)$name\$" -wi 3 -w 2 -i 5 -r 2 -f 1 \
      -rf json -rff "$out" > "$work/round-$round-$name.log" 2>&1
    # d1 and raw scores from JMH's JSON, one pair per line
    python3 - "$out" "$round" "$name" >> "$work/ratios.txt" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))
score = {r["benchmark"].rsplit(".", 1)[1][:2]: r["primaryMetric"]["score"] for r in runs}
print(sys.argv[2], sys.argv[3], round(score["d1"]), round(score["jd"]), "%.3f" % (score["d1"] / score["jd"]))
PY
    tail -1 "$work/ratios.txt"
  done
done
echo "median ratio per work over $rounds rounds:"
python3 - "$work/ratios.txt" <<'PY'
import statistics, sys, collections
by = collections.defaultdict(list)
for line in open(sys.argv[1]):
    _, name, _, _, ratio = line.split()
    by[name].append(float(ratio))
for name, ratios in by.items():
    print("%-14s median %.2fx (rounds: %s)" % (name, statistics.median(ratios), " ".join("%.2f" % r for r in ratios)))
PY
