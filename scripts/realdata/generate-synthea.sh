#!/usr/bin/env bash
# Generates a small, seeded population of Synthea(TM) patients as FHIR R4 Bundles
# for myeloma-cds's real-data robustness test (RealWorldBundlesIT).
#
# 1. Resolves org.mitre.synthea:synthea:3.3.0 from Maven Central. The published jar is
#    a thin jar (runtime dependencies declared in its pom), so a throwaway pom in
#    target/realdata/synthea/ is used with `dependency:copy-dependencies` -> lib/.
# 2. Runs Synthea headless (main class `App`) with all built-in modules plus the local
#    module scripts/realdata/synthea-modules/multiple_myeloma.json (-d), which gives
#    every patient aged >=40 a multiple-myeloma history on one of three paths
#    (newly diagnosed 2026 / relapsed on lenalidomide 2026 / relapsed after
#    daratumumab-bortezomib-dexamethasone), with RxNorm ingredient codes and LOINC labs.
# 3. FHIR R4 export only, into target/realdata/synthea/output/fhir/*.json
#    (one transaction Bundle per patient, alive and deceased).
#
# With the argument "transplant" it generates a second population instead, into target/realdata/synthea-transplant/:
# Synthea's OWN myeloma, from its built-in module trigger_bone_marrow_transplant.json (multiple myeloma, SNOMED
# 109989006, at 65-70 with probability 0.0076, then a stem-cell transplant admission, no myeloma drugs). A copy of that
# module taken from the Synthea jar, with the myeloma branch's probability set to 1, is passed with -d so every patient
# takes it: records shaped like an EHR that knows the diagnosis and the transplant but none of the therapy.
#
# Deterministic: seed 42 (-s, -cs), 5 living patients (-p 5) aged 55-80 (-a), reference
# and end date 2026-11-01 (-r, -e), Massachusetts.
# Idempotent: skips when target/realdata/synthea/output/.complete matches the current
# module + options fingerprint. Needs no stdin / TTY (CI=true safe).
# Env: MVN (default mvn), MVN_ARGS (extra Maven args, e.g. -o or -Dmaven.repo.local=...),
#      SYNTHEA_JAVA_OPTS (default -Xmx1g), SYNTHEA_THREADS (default 2).
# Exit codes: 0 ok; 1 resolution/generation failed (message on stderr).
set -euo pipefail

SYNTHEA_VERSION="3.3.0"
DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
SEED=42
POPULATION=5
AGES="55-80"
REF_DATE=20261101
STATE="Massachusetts"

PROFILE="${1:-myeloma-module}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
case "$PROFILE" in
  myeloma-module)
    MODULES="$HERE/synthea-modules"
    WORK="${SYNTHEA_WORK_DIR:-$ROOT/target/realdata/synthea}" ;;
  transplant)
    # the trigger module fires at 65-70 years of age: only patients past it can carry its myeloma
    AGES="72-85"
    WORK="${SYNTHEA_WORK_DIR:-$ROOT/target/realdata/synthea-transplant}"
    MODULES="$WORK/modules" ;;
  *) echo "synthea: unknown profile '$PROFILE' (myeloma-module or transplant)" >&2; exit 2 ;;
esac
OUT="$WORK/output"
MARK="$OUT/.complete"
MVN="${MVN:-mvn}"
JAVA_OPTS_SYN="${SYNTHEA_JAVA_OPTS:--Xmx1g}"
THREADS="${SYNTHEA_THREADS:-2}"

SYN_ARGS=(-s "$SEED" -cs "$SEED" -p "$POPULATION" -a "$AGES" -r "$REF_DATE" -e "$REF_DATE"
  -d "$MODULES"
  --exporter.baseDirectory="$OUT/"
  --exporter.fhir.export=true
  --exporter.fhir_stu3.export=false --exporter.fhir_dstu2.export=false
  --exporter.ccda.export=false --exporter.csv.export=false --exporter.text.export=false
  --exporter.cpcds.export=false --exporter.bfd.export=false --exporter.json.export=false
  --exporter.hospital.fhir.export=false --exporter.practitioner.fhir.export=false
  --exporter.metadata.export=false --exporter.use_uuid_filenames=true
  --generate.thread_pool_size="$THREADS"
  "$STATE")

fingerprint() {
  # options and module contents only: no absolute paths, so a moved checkout reuses its data
  { echo "synthea $SYNTHEA_VERSION ${SYN_ARGS[*]}" | sed -e "s#$MODULES#MODULES#g" -e "s#$OUT#OUT#g"
    if [[ "$PROFILE" == transplant ]]; then echo "trigger_bone_marrow_transplant myeloma probability 1"; else cat "$MODULES"/*.json; fi
  } | sha1sum | cut -c1-40
}
FP="$(fingerprint)"

if [[ -f "$MARK" ]] && [[ "$(head -1 "$MARK")" == "$FP" ]]; then
  echo "synthea: already generated in $OUT/fhir ($(sed -n 2p "$MARK"))"
  exit 0
fi

command -v java >/dev/null 2>&1 || { echo "synthea: java not on the PATH" >&2; exit 1; }
mkdir -p "$WORK"
start=$(date +%s)

# --- 1. resolve Synthea and its runtime dependencies --------------------------------
if [[ ! -f "$WORK/lib/.complete" ]] || [[ "$(cat "$WORK/lib/.complete")" != "$SYNTHEA_VERSION" ]]; then
  command -v "$MVN" >/dev/null 2>&1 || { echo "synthea: $MVN not on the PATH" >&2; exit 1; }
  cat > "$WORK/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <!-- throwaway pom written by scripts/realdata/generate-synthea.sh; only used to fetch Synthea -->
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.myelomacds.realdata</groupId>
  <artifactId>synthea-runner</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.mitre.synthea</groupId>
      <artifactId>synthea</artifactId>
      <version>$SYNTHEA_VERSION</version>
    </dependency>
  </dependencies>
</project>
POM
  rm -rf "$WORK/lib"
  echo "synthea: resolving org.mitre.synthea:synthea:$SYNTHEA_VERSION and its runtime dependencies"
  # shellcheck disable=SC2086
  if ! "$MVN" -B -q -f "$WORK/pom.xml" ${MVN_ARGS:-} "$DEP_PLUGIN:copy-dependencies" \
        -DincludeScope=runtime -DoutputDirectory="$WORK/lib" </dev/null >"$WORK/mvn.log" 2>&1; then
    tail -20 "$WORK/mvn.log" >&2
    echo "synthea: could not resolve Synthea $SYNTHEA_VERSION from the Maven repository (see $WORK/mvn.log)" >&2
    exit 1
  fi
  [[ -f "$WORK/lib/synthea-$SYNTHEA_VERSION.jar" ]] || { echo "synthea: synthea-$SYNTHEA_VERSION.jar missing after resolution" >&2; exit 1; }
  echo "$SYNTHEA_VERSION" > "$WORK/lib/.complete"
  echo "synthea: $(ls "$WORK/lib"/*.jar | wc -l) jars, $(du -sh "$WORK/lib" | cut -f1) in $WORK/lib ($(( $(date +%s) - start ))s)"
fi

# --- 1b. the transplant profile's module: Synthea's own, myeloma made certain ---------------
if [[ "$PROFILE" == transplant ]]; then
  mkdir -p "$MODULES"
  command -v unzip >/dev/null 2>&1 || { echo "synthea: unzip not on the PATH" >&2; exit 1; }
  unzip -p "$WORK/lib/synthea-$SYNTHEA_VERSION.jar" modules/trigger_bone_marrow_transplant.json \
    | sed -e 's/"distribution": 0\.0076/"distribution": 1.0/' -e 's/"distribution": 0\.9924/"distribution": 0.0/' \
    > "$MODULES/trigger_bone_marrow_transplant.json"
  if ! grep -q '"distribution": 1.0' "$MODULES/trigger_bone_marrow_transplant.json" \
     || grep -q '0\.0076' "$MODULES/trigger_bone_marrow_transplant.json"; then
    echo "synthea: trigger_bone_marrow_transplant.json of Synthea $SYNTHEA_VERSION no longer has the expected myeloma branch" >&2
    exit 1
  fi
fi

# --- 2. generate ------------------------------------------------------------------------
rm -rf "$OUT"
mkdir -p "$OUT"
gen_start=$(date +%s)
echo "synthea: generating (seed $SEED, $POPULATION living patients aged $AGES, reference date $REF_DATE)"
# shellcheck disable=SC2086
if ! ( cd "$WORK" && java $JAVA_OPTS_SYN -Djava.awt.headless=true -cp "$WORK/lib/*" App "${SYN_ARGS[@]}" \
        </dev/null >"$WORK/synthea.log" 2>&1 ); then
  tail -30 "$WORK/synthea.log" >&2
  echo "synthea: generation failed (see $WORK/synthea.log)" >&2
  exit 1
fi
if grep -q 'Exception' "$WORK/synthea.log"; then
  grep -m5 -B1 'Exception' "$WORK/synthea.log" >&2
  echo "synthea: the run logged exceptions (see $WORK/synthea.log) - module error?" >&2
  exit 1
fi

# --- 3. check ---------------------------------------------------------------------------
shopt -s nullglob
bundles=("$OUT"/fhir/*.json)
n=${#bundles[@]}
mm=0
for f in "${bundles[@]}"; do
  if grep -q '"109989006"' "$f"; then mm=$((mm + 1)); fi
done
if (( n < POPULATION )); then
  echo "synthea: expected at least $POPULATION patient bundles in $OUT/fhir, found $n" >&2
  exit 1
fi
if (( mm < 1 )); then
  echo "synthea: no patient carries SNOMED 109989006 (multiple myeloma) - module not applied?" >&2
  exit 1
fi
summary="$n patient bundles ($mm with multiple myeloma), $(du -sh "$OUT/fhir" | cut -f1), generated in $(( $(date +%s) - gen_start ))s"
grep -E '^Records:' "$WORK/synthea.log" || true
printf '%s\n%s\n' "$FP" "$summary" > "$MARK"
echo "synthea: $summary -> $OUT/fhir"
