#!/usr/bin/env bash
# Builds a self-contained app image (the app, its libraries and a Java runtime) with jpackage:
#   packaging/build-app-image.sh            -> target/jpackage/dist/Vernissage/bin/Vernissage
# The options live in jpackage.cfg at the top of the repository. The image gets a JDK AOT cache
# (packaging/train-aot-cache.sh) so the window is up in about half the time.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/bin/jdk.sh"
vernissage_find_jdk
cd "$root"
# A fresh input folder: copy-dependencies never deletes, so jars of older builds (other versions)
# would otherwise end up in the image too.
rm -rf target/jpackage/input
./mvnw -B -q -ntp -DskipTests package dependency:copy-dependencies -DincludeScope=runtime \
  -DoutputDirectory=target/jpackage/input >&2
cp target/vernissage-*.jar target/jpackage/input/vernissage.jar
rm -rf target/jpackage/dist
"$JAVA_HOME/bin/jpackage" --type app-image @jpackage.cfg
packaging/train-aot-cache.sh target/jpackage/dist/Vernissage
echo "built target/jpackage/dist/Vernissage"
