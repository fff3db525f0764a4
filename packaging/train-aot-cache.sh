#!/usr/bin/env bash
# Writes the JDK AOT cache (JEP 483/514) of an app image: lib/app/vernissage.aot. The image's launcher
# already asks for it (-XX:AOTCache in jpackage.cfg); without it the app still starts, only slower.
#   packaging/train-aot-cache.sh target/jpackage/dist/Vernissage
# The training run starts the editor headless (JavaFX's Headless platform, software rendering), waits
# for its first frame (--startup-report) and quits; the JVM then writes the classes it loaded and
# linked into the cache. The cache holds no user data; a temporary HOME keeps the build user's
# preferences and recent files out of it. It is tied to this runtime and these jars (a rebuilt image
# needs a new one); moving the image elsewhere (e.g. /opt/vernissage) keeps it valid.
set -euo pipefail
image=${1:?usage: train-aot-cache.sh APP_IMAGE_DIR}
cfg=$(ls "$image"/lib/app/*.cfg | head -1)
cache="$image/lib/app/vernissage.aot"
home=$(mktemp -d); report="$home/startup.txt"
cp "$cfg" "$home/launcher.cfg"
trap 'cp "$home/launcher.cfg" "$cfg"; rm -rf "$home"' EXIT
rm -f "$cache"
grep -v -- '-XX:AOTCache=' "$home/launcher.cfg" > "$cfg"
# Java takes user.home from the account, not $HOME: the scratch folder is given to both.
printf '%s\n' 'java-options=-XX:AOTCacheOutput=$APPDIR/vernissage.aot' \
  'java-options=-Dglass.platform=Headless' 'java-options=-Dprism.order=sw' "java-options=-Duser.home=$home" >> "$cfg"
# (The JVM that assembles the cache echoes its whole class path on stderr: kept in a log instead.)
HOME="$home" timeout 300 "$image/bin/$(basename "$cfg" .cfg)" edit --startup-report "$report" \
  >"$home/training.log" 2>&1 || true
[ -s "$report" ] && [ -s "$cache" ] || {
  echo "train-aot-cache: the training run wrote no cache; its output:" >&2; cat "$home/training.log" >&2; exit 1; }
echo "AOT cache: $cache ($(du -h "$cache" | cut -f1)), training run's window after $(cat "$report") ms"
