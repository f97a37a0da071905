#!/usr/bin/env bash
# Downloads the official HL7 FHIR R4 example resources (npm package
# hl7.fhir.r4.examples@4.0.1, published by HL7 on the public npm registry) into
# target/realdata/fhir-examples/ and unpacks them there.
#
#   target/realdata/fhir-examples/hl7.fhir.r4.examples-4.0.1.tgz
#   target/realdata/fhir-examples/package/*.json      (one resource per file)
#   target/realdata/fhir-examples/.complete            (marker, written last)
#
# Idempotent: does nothing when the marker exists. Needs no stdin / TTY (CI=true safe).
# Uses `npm pack` when npm is on the PATH, otherwise `curl` against the registry.
# Exit codes: 0 ok; 1 download/unpack failed (message on stderr).
set -euo pipefail

PKG="hl7.fhir.r4.examples"
VER="4.0.1"
# sha1 published by the registry for this exact tarball (npm view ... dist.shasum)
SHA1="537ea7db3f3c7b3575fe2eaa7808bad21261cca3"
REGISTRY="${NPM_REGISTRY:-https://registry.npmjs.org}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEST="${FHIR_EXAMPLES_DIR:-$ROOT/target/realdata/fhir-examples}"
TGZ="$DEST/$PKG-$VER.tgz"
MARK="$DEST/.complete"

if [[ -f "$MARK" ]]; then
  echo "fhir-examples: already present in $DEST ($(cat "$MARK"))"
  exit 0
fi

mkdir -p "$DEST"
start=$(date +%s)

if [[ ! -s "$TGZ" ]] || ! echo "$SHA1  $TGZ" | sha1sum -c --quiet - >/dev/null 2>&1; then
  rm -f "$TGZ"
  if command -v npm >/dev/null 2>&1; then
    echo "fhir-examples: npm pack $PKG@$VER"
    ( cd "$DEST" && npm pack "$PKG@$VER" --registry "$REGISTRY" --silent \
        --no-fund --no-audit --loglevel=error </dev/null >/dev/null ) || {
      echo "fhir-examples: npm pack $PKG@$VER failed (registry $REGISTRY unreachable?)" >&2
      exit 1; }
  elif command -v curl >/dev/null 2>&1; then
    url="$REGISTRY/$PKG/-/$PKG-$VER.tgz"
    echo "fhir-examples: curl $url"
    curl -fsSL --retry 3 -o "$TGZ.part" "$url" </dev/null || {
      echo "fhir-examples: download of $url failed" >&2; rm -f "$TGZ.part"; exit 1; }
    mv "$TGZ.part" "$TGZ"
  else
    echo "fhir-examples: need npm or curl on the PATH" >&2
    exit 1
  fi
fi

if ! echo "$SHA1  $TGZ" | sha1sum -c --quiet - >/dev/null 2>&1; then
  echo "fhir-examples: checksum mismatch for $TGZ (expected sha1 $SHA1)" >&2
  exit 1
fi

rm -rf "$DEST/package"
tar -xzf "$TGZ" -C "$DEST"

files=$(find "$DEST/package" -maxdepth 1 -name '*.json' ! -name 'package.json' ! -name '.index.json' | wc -l)
bundles=$(grep -l -m1 '"resourceType" *: *"Bundle"' "$DEST"/package/Bundle-*.json 2>/dev/null | wc -l || true)
if [[ "$files" -lt 1000 ]]; then
  echo "fhir-examples: unpacked only $files resources - archive looks wrong" >&2
  exit 1
fi
echo "$PKG@$VER: $files resource files, $bundles Bundle-*.json" > "$MARK"
echo "fhir-examples: $(cat "$MARK") in $DEST ($(( $(date +%s) - start ))s)"
