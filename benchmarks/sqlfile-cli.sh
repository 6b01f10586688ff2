#!/usr/bin/env bash
# End-to-end comparison of `d1 execute --local --file` with the sqlite3 shell, as a user runs both,
# on realistic dumps (RealisticDump). Prints one Markdown table: wall seconds, CPU seconds
# (user+sys), peak resident memory (GNU time), the ratios of wall and CPU time to the shell's (the
# mean of a shell run before and one after the d1 runs), the 1-minute load average when each run
# started, and the row counts of the result.
# Usage: benchmarks/sqlfile-cli.sh <work folder> <size in MB>...
# Needs: sqlite3 (Debian's, for the comparison only), GNU time, and the jars:
#   ./mvnw -q -pl d1-cli,benchmarks -am package -DskipTests -Dmaven.javadoc.skip=true
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mkdir -p "$1" && cd "$1" && pwd)"; shift
cli="$(ls "$root"/d1-cli/target/d1-cli-*-all.jar | head -1)"
bench="$root/benchmarks/target/benchmarks.jar"
rows="$work/rows.txt"

load() { cut -d' ' -f1 /proc/loadavg; }

# label, command...: appends "label wall user sys rss-KB load" to $rows
measure() {
  local label="$1"; shift
  local before; before="$(load)"
  /usr/bin/time -o "$work/time.txt" -f '%e %U %S %M' "$@" > /dev/null 2> "$work/last.err" || {
    echo "$label FAILED" >&2; cat "$work/last.err" >&2; return 1; }
  echo "$label $(tail -1 "$work/time.txt") $before" >> "$rows"
}

echo "| size | command | wall s | CPU s | peak RSS MB | wall / shell | CPU / shell | wall / shell with FKs | load | result |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
: > "$rows"
measure "d1-version" java -jar "$cli" --version
awk '{printf "| - | `d1 --version` (JVM start) | %.2f | %.2f | %.0f | | | | %s | |\n", $2, $3 + $4, $5 / 1024, $6}' "$rows"

for mb in "$@"; do
  dump="$work/realistic-${mb}mb.sql"
  [ -f "$dump" ] || java -cp "$bench" io.github.d1java.benchmarks.sqlfile.RealisticDump "$dump" "$mb" > /dev/null
  size="$(du -m "$dump" | cut -f1) MB"
  : > "$rows"
  results=()
  fk="$work/realistic-${mb}mb-fk.sql"
  # the same dump with foreign keys enforced, as D1 (and d1) always enforce them
  [ -f "$fk" ] || sed '1s/^PRAGMA foreign_keys=OFF;$/PRAGMA foreign_keys=ON;/' "$dump" > "$fk"
  for mode in sqlite3 sqlite3-fk default chunk-0 direct direct-chunk-0 sqlite3; do
    proj="$work/project-$mb-$mode"
    rm -rf "$proj"; mkdir -p "$proj"
    printf 'name = "bench"\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "bench"\ndatabase_id = "00000000-0000-0000-0000-000000000000"\n' > "$proj/wrangler.toml"
    cd "$proj"
    case "$mode" in
      sqlite3) measure "sqlite3" sh -c "sqlite3 '$proj/new.db' < '$dump'" ;;
      sqlite3-fk) measure "sqlite3-fk" sh -c "sqlite3 '$proj/new.db' < '$fk'" ;;
      default) measure "default" java -jar "$cli" execute DB --local --file "$dump" ;;
      chunk-0) measure "chunk-0" java -jar "$cli" execute DB --local --file "$dump" --chunk-size 0 ;;
      direct) measure "direct" java -jar "$cli" execute DB --local --file "$dump" --direct ;;
      direct-chunk-0) measure "direct-0" java -jar "$cli" execute DB --local --file "$dump" --direct --chunk-size 0 ;;
    esac
    db="$proj/new.db"
    [ "$mode" = sqlite3 ] || [ "$mode" = sqlite3-fk ] || db="$(ls "$proj"/.wrangler/state/v3/d1/miniflare-D1DatabaseObject/*.sqlite | grep -v metadata.sqlite | head -1)"
    results+=("$(sqlite3 "$db" "SELECT (SELECT count(*) FROM customers) || ' customers, ' || (SELECT count(*) FROM orders) || ' orders'")")
    cd "$root"
    rm -rf "$proj"
  done
  i=0
  while read -r label wall user sys rss before; do
    echo "$label $wall $user $sys $rss $before ${results[$i]// /_}"
    i=$((i + 1))
  done < "$rows" | awk -v size="$size" '
    { label[NR] = $1; wall[NR] = $2; cpu[NR] = $3 + $4; rss[NR] = $5; ld[NR] = $6; res[NR] = $7
      if ($1 == "sqlite3") { sw += $2; sc += $3 + $4; n++ }
      if ($1 == "sqlite3-fk") { fw = $2 } }
    END {
      names["sqlite3"] = "`sqlite3 new.db < dump.sql`"
      names["sqlite3-fk"] = "the same with `PRAGMA foreign_keys=ON`"
      names["default"] = "`d1 execute --file` (5,000 per transaction)"
      names["chunk-0"] = "`d1 execute --file --chunk-size 0`"
      names["direct"] = "`d1 execute --file --direct`"
      names["direct-0"] = "`d1 execute --file --direct --chunk-size 0`"
      for (i = 1; i <= NR; i++) {
        gsub(/_/, " ", res[i])
        printf "| %s | %s | %.2f | %.2f | %.0f | %.2fx | %.2fx | %.2fx | %s | %s |\n", size, names[label[i]],
          wall[i], cpu[i], rss[i] / 1024, wall[i] / (sw / n), cpu[i] / (sc / n), wall[i] / fw, ld[i], res[i]
      }
    }'
done
