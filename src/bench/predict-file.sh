#!/usr/bin/env bash
# End-to-end time of `predict --input FILE --out FILE`, JVM start-up included (issue 16's target: 200,000 notes in
# <= 3 s wall). A throwaway store learns from TRAIN demo records, then a file of NOTES other demo records is scored
# RUNS times; each run is a whole `java -jar` as a user types it, timed by /usr/bin/time. A 10-note file shows the
# start-up alone. Prints the load average, since other work on the machine inflates wall times.
#
#   src/bench/predict-file.sh [JAR] [NOTES] [TRAIN] [RUNS]      (defaults: target/outcome-desk.jar 200000 20000 3)
set -euo pipefail
JAR=${1:-target/outcome-desk.jar}
NOTES=${2:-200000}
TRAIN=${3:-20000}
RUNS=${4:-3}
[ -f "$JAR" ] || { echo "no $JAR: build it first (mvn -q -DskipTests package)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
run() { java -jar "$JAR" --home "$WORK/home" "$@"; }

run demo-data --records "$TRAIN" --seed 11 --out "$WORK/train.json" >/dev/null
run demo-data --records "$NOTES" --seed 3 --out "$WORK/notes.json" >/dev/null
python3 -c "import json,sys; json.dump(json.load(open(sys.argv[1]))[:10], open(sys.argv[2], 'w'))" \
    "$WORK/notes.json" "$WORK/ten.json" 2>/dev/null || true   # without python3 the start-up line is left out
run import "$WORK/train.json" >/dev/null
run train --activate >/dev/null
echo "model: $(run models | sed -n 2p)"

timed() {  # label, file
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/t" java -jar "$JAR" --home "$WORK/home" predict --input "$2" --out "$WORK/out.json" >/dev/null
    read -r wall user sys rss < "$WORK/t"
    printf '%-22s wall %6.2f s  cpu %6.2f s  peak RSS %5d MB  load %s\n' "$1" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" \
        $((rss / 1024)) "$(cut -d' ' -f1-3 /proc/loadavg)"
}
[ -f "$WORK/ten.json" ] && timed "10 notes (start-up)" "$WORK/ten.json"
for i in $(seq 1 "$RUNS"); do timed "$NOTES notes, run $i" "$WORK/notes.json"; done
echo "target (issue 16): 200000 notes in <= 3 s wall, start-up included"
