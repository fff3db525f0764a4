#!/bin/bash
# Regenerates the editor screenshots here with the editor's hidden --screenshot options, headless,
# with the generated demo model set. Usage: docs/screenshots/shoot.sh [empty] [mask] [preview] [variants] [outpaint]
# The class path goes through an argument file: a long java command line crashes ONNX Runtime's loader.
set -u
cd "$(dirname "$0")/../.."
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
work=$(mktemp -d)
./mvnw -B -ntp -o -q compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=runtime || exit 1
printf -- '-cp\n"%s"\n' "target/classes:$(cat "$work/cp.txt")" > "$work/java.args"
"$JAVA" --enable-native-access=ALL-UNNAMED @"$work/java.args" app.vernissage.Main models demo /tmp/vm-demo > /dev/null 2>&1 \
  || { echo "cannot write the demo model set"; exit 1; }
J=("$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Djava.awt.headless=true
   -Duser.home="$work/home" -Duser.language=en -Dglass.platform=Headless -Dprism.order=sw @"$work/java.args" app.vernissage.Main edit)
export VERNISSAGE_MODELS=/tmp/vm-demo
out=docs/screenshots
for what in "${@:-empty mask preview variants outpaint}"; do
  for w in $what; do
    case $w in
      empty) timeout 120 "${J[@]}" --screenshot $out/editor-empty.png > "$work/log" 2>&1 ;;
      mask) timeout 120 "${J[@]}" docs/examples/coffee.png --paint-demo --screenshot $out/editor-mask.png > "$work/log" 2>&1 ;;
      preview) timeout 150 "${J[@]}" docs/examples/coffee.png --generate-demo --screenshot $out/editor-preview.png > "$work/log" 2>&1 ;;
      outpaint) timeout 120 "${J[@]}" docs/examples/coffee.png --outpaint-demo --screenshot $out/editor-outpaint.png > "$work/log" 2>&1 ;;
      variants) timeout 200 "${J[@]}" docs/examples/coffee.png --variants-demo --screenshot $out/editor-variants.png > "$work/log" 2>&1 ;;
      *) echo "unknown: $w"; continue ;;
    esac
    echo "$w: exit $?"
  done
done
rm -rf "$work"
