#!/usr/bin/env bash
# Builds the release artifacts twice and checks that every published module's jars are
# byte-identical between the two builds, and that each module has its sources jar, Javadoc jar and
# CycloneDX SBOM. Usage: .ci/reproducible.sh [extra Maven arguments, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
modules=(d1-api d1-contract d1-sqlite d1-remote d1-testkit d1-wrangler d1-cli)

build() {
  local dest=$1
  ./mvnw -q -Prelease -Dgpg.skip clean package -DskipTests "${@:2}"
  mkdir -p "$dest"
  for m in "${modules[@]}"; do
    cp "$m"/target/*.jar "$m"/target/*-cyclonedx.json "$dest"/
  done
}

build "$out/1" "$@"
build "$out/2" "$@"

status=0
for m in "${modules[@]}"; do
  for kind in "" -sources -javadoc; do
    f="$m-*$kind.jar"
    # shellcheck disable=SC2086
    if ! ls "$out"/1/$f >/dev/null 2>&1; then
      echo "MISSING $m$kind.jar"
      status=1
    fi
  done
  if ! ls "$out/1/$m"-*-cyclonedx.json >/dev/null 2>&1; then
    echo "MISSING $m SBOM"
    status=1
  fi
done
for f in "$out"/1/*; do
  name=$(basename "$f")
  if cmp -s "$f" "$out/2/$name"; then
    echo "identical  $(sha256sum "$f" | cut -c1-16)  $name"
  else
    echo "DIFFERENT  $name"
    status=1
  fi
done
if [ "$status" -eq 0 ]; then
  echo "reproducible: $(ls "$out"/1 | wc -l) files byte-identical across two builds"
fi
exit "$status"
