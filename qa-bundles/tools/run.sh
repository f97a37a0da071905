#!/usr/bin/env bash
# usage: run.sh BUNDLE [asof]
cd /work/wt-qa
B="$1"; A="${2:-2026-11-01}"; N=$(basename "$B" .json)
./myeloma-cds evaluate "$B" --as-of "$A" > /tmp/qa/out-$N.json 2>/tmp/qa/err-$N.txt; rc=$?
echo "== $N asOf=$A rc=$rc"; [ $rc -ne 0 ] && { head -c 600 /tmp/qa/err-$N.txt; head -c 600 /tmp/qa/out-$N.json; echo; }
python3 /tmp/qa/sum.py /tmp/qa/out-$N.json
