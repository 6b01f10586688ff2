#!/usr/bin/env bash
# End-to-end comparison of `d1 execute --local --file` with the sqlite3 shell, as a user runs both,
# on realistic dumps (RealisticDump): elapsed seconds and peak resident memory (/usr/bin/time).
# Usage: benchmarks/sqlfile-cli.sh <work folder> <size in MB>...
# Needs: sqlite3 (Debian's, for the comparison only), GNU time, and the jars:
#   ./mvnw -q -pl d1-cli,benchmarks -am package -DskipTests -Dmaven.javadoc.skip=true
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$1"; shift
cli="$(ls "$root"/d1-cli/target/d1-cli-*-all.jar | head -1)"
bench="$root/benchmarks/target/benchmarks.jar"
mkdir -p "$work"

measure() { # label, command...: prints "label seconds peak-RSS-MB"
  local label="$1"; shift
  /usr/bin/time -o "$work/time.txt" -f '%e %M' "$@" > /dev/null 2> "$work/last.err" || {
    echo "$label FAILED"; cat "$work/last.err"; return 1; }
  echo "$label $(tail -1 "$work/time.txt")" | awk '{printf "%-28s %8.2f s %8.0f MB\n", $1, $2, $3 / 1024}'
}

for mb in "$@"; do
  dump="$work/realistic-${mb}mb.sql"
  [ -f "$dump" ] || java -cp "$bench" io.github.d1java.benchmarks.sqlfile.RealisticDump "$dump" "$mb"
  echo "== ${mb} MB: $(du -m "$dump" | cut -f1) MB, $(wc -l < "$dump") lines"
  for mode in sqlite3 default chunk-0 direct direct-chunk-0 sqlite3; do
    proj="$work/project-$mb-$mode"
    rm -rf "$proj"; mkdir -p "$proj"
    printf 'name = "bench"\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "bench"\ndatabase_id = "00000000-0000-0000-0000-000000000000"\n' > "$proj/wrangler.toml"
    cd "$proj"
    case "$mode" in
      sqlite3) measure "sqlite3-shell" sh -c "sqlite3 '$proj/new.db' < '$dump'" ;;
      default) measure "d1-execute(5000)" java -jar "$cli" execute DB --local --file "$dump" ;;
      chunk-0) measure "d1-execute(--chunk-size=0)" java -jar "$cli" execute DB --local --file "$dump" --chunk-size 0 ;;
      direct) measure "d1-execute(--direct)" java -jar "$cli" execute DB --local --file "$dump" --direct ;;
      direct-chunk-0) measure "d1-execute(--direct,0)" java -jar "$cli" execute DB --local --file "$dump" --direct --chunk-size 0 ;;
    esac
    db="$proj/new.db"
    [ "$mode" = sqlite3 ] || db="$(ls "$proj"/.wrangler/state/v3/d1/miniflare-D1DatabaseObject/*.sqlite | grep -v metadata.sqlite | head -1)"
    echo "    rows: $(sqlite3 "$db" "SELECT (SELECT count(*) FROM customers) || ' customers, ' || (SELECT count(*) FROM orders) || ' orders'")"
    cd "$root"
  done
done
