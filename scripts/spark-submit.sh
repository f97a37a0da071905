#!/usr/bin/env bash
# Submits population screening to a Spark 4.0 cluster (Scala 2.13, Java 17):
#
#   scripts/spark-submit.sh [spark-submit options] -- [screen options]
#   scripts/spark-submit.sh --master yarn --deploy-mode cluster --num-executors 20 --executor-memory 4g -- \
#       --input s3a://bucket/export/2026-11-01/ --output s3a://bucket/screening/2026-11-01/ --as-of 2026-11-01
#
# The application jar is this project's classes (target/myeloma-cds-<version>.jar, built here when missing); the
# project's own dependencies (target/classpath.txt: Drools, HAPI FHIR, Jackson modules, Parquet, ...) go to the
# cluster with --jars. The cluster's Spark provides Spark, Hadoop and their file systems (s3a://, hdfs://); the
# CLI's SLF4J binding is left out so executors log through the cluster's. spark-submit is taken from SPARK_SUBMIT,
# else $SPARK_HOME/bin, else PATH.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SPARK_ARGS=()
while [[ $# -gt 0 && "$1" != "--" ]]; do SPARK_ARGS+=("$1"); shift; done
[[ "${1:-}" == "--" ]] && shift
SCREEN_ARGS=("$@")
if [[ ${#SCREEN_ARGS[@]} -eq 0 ]]; then
  echo "usage: $0 [spark-submit options] -- --input URI --output URI [--as-of DATE] [--jurisdiction US|EU] [--allow-partial]" >&2
  exit 2
fi

VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$HERE/pom.xml" | head -1)"
APP_JAR="$HERE/target/myeloma-cds-$VERSION.jar"
if [[ ! -f "$APP_JAR" || ! -f "$HERE/target/classpath.txt" || -n "$(find "$HERE/pom.xml" "$HERE/src/main" "$HERE/src/spark" "$HERE/rules" -newer "$APP_JAR" -print -quit)" ]]; then
  echo "[spark-submit.sh] building $APP_JAR ..." >&2
  (cd "$HERE" && mvn -q -B -DskipTests package 1>&2)
fi
JARS="$(tr ':' '\n' < "$HERE/target/classpath.txt" | grep -v '/slf4j-simple-' | paste -sd, -)"

if [[ -n "${SPARK_SUBMIT:-}" ]]; then SUBMIT="$SPARK_SUBMIT"
elif [[ -n "${SPARK_HOME:-}" ]]; then SUBMIT="$SPARK_HOME/bin/spark-submit"
else SUBMIT="spark-submit"; fi

exec $SUBMIT --class org.myelomacds.spark.SparkScreen --name "myeloma-cds screen" --jars "$JARS" \
  "${SPARK_ARGS[@]}" "$APP_JAR" "${SCREEN_ARGS[@]}"
