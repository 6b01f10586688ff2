#!/usr/bin/env bash
# Differential conformance run: the corpus in cases/ through Miniflare's D1 (node/run.mjs) and
# through d1-sqlite (JavaRunner), then ResultComparator against divergences.json.
# Exits 0 when every difference is documented; skips (exit 0) when node is not installed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"

if ! command -v node > /dev/null 2>&1; then
  echo "conformance: skipped, node not found"
  exit 0
fi

cd "$here/node"
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
else
  npm install --no-audit --no-fund --loglevel=error
fi

mkdir -p "$here/target"
node "$here/node/run.mjs" "$here/cases" "$here/target/miniflare.json"

cd "$root"
./mvnw -q -B -pl conformance -am package \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -DskipTests -Dmaven.javadoc.skip=true -Dmdep.outputFile=target/classpath.txt
cp="$here/target/classes:$(cat "$here/target/classpath.txt")"
java -cp "$cp" io.github.d1java.conformance.JavaRunner "$here/cases" "$here/target/d1-java.json"
java -cp "$cp" io.github.d1java.conformance.ResultComparator \
  "$here/target/miniflare.json" "$here/target/d1-java.json" "$here/divergences.json"
