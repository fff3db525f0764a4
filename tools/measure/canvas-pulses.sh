#!/usr/bin/env bash
# Frame times of the editor while painting on a large picture, in a real window (Xvfb, software
# rendering): opens PICTURE, drags the brush across the canvas with xdotool (60 moves, 30 ms apart)
# and prints the median, 90th percentile and maximum of JavaFX's rendered pulses during the stroke,
# from its pulse logger. Needs Xvfb and xdotool (apt-get install -y xvfb xdotool).
#   tools/measure/canvas-pulses.sh PICTURE [DISPLAY_NUMBER]
set -euo pipefail
picture=${1:?usage: canvas-pulses.sh PICTURE [DISPLAY_NUMBER]}
display=:${2:-93}
root=$(cd "$(dirname "$0")/../.." && pwd)
log=$(mktemp)
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true; rm -f "$log"' EXIT
sleep 1
export DISPLAY=$display
# A scratch HOME: no recovery offer or recent files from the user's own sessions.
HOME=$(mktemp -d) VERNISSAGE_JAVA_OPTS="-Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=0 -Xmx8g" \
  "$root/bin/vernissage" edit "$picture" >"$log" 2>&1 & app=$!
# The window's title names the picture once it is open.
name=$(basename "$picture")
for _ in $(seq 1 180); do xdotool search --name "$name" >/dev/null 2>&1 && break; sleep 1; done
sleep 5
start=$(wc -l < "$log")
xdotool mousemove 400 500 mousedown 1
for i in $(seq 1 60); do xdotool mousemove $((400 + i * 12)) $((500 + (i % 10) * 3)); sleep 0.03; done
xdotool mouseup 1
sleep 2
tail -n +"$start" "$log" | grep PULSE | grep -v 'No Rendering' | sed -E 's/.*:([0-9]+)ms\].*/\1/' | sort -n |
  awk '{a[NR]=$1} END {printf "%d rendered pulses: median %d ms, p90 %d ms, max %d ms\n", NR, a[int((NR+1)/2)], a[int(NR*0.9)], a[NR]}'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
