#!/usr/bin/env bash
# Builds the Linux installer: target/jpackage/dist/vernissage_<version>_amd64.deb
#   packaging/build-deb.sh
# It carries its own Java runtime and ONNX Runtime (CUDA provider inside, CPU fallback), installs
# under /opt/vernissage with a menu entry (Graphics) and the .vernissage file association, and
# depends on the system libraries JavaFX needs (GTK 3 and X11 / OpenGL).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/bin/jdk.sh"
vernissage_find_jdk
cd "$root"
command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null || {
  echo "build-deb: needs fakeroot and dpkg-deb (apt-get install -y fakeroot dpkg-dev)" >&2; exit 1; }
# The package wraps the app image, AOT cache included; the name, version, vendor and description
# come from jpackage.cfg like the image's.
packaging/build-app-image.sh
grep -E -- '^--(name|app-version|vendor|description|dest) ' jpackage.cfg > target/jpackage/package.cfg
rm -f target/jpackage/dist/*.deb
"$JAVA_HOME/bin/jpackage" --type deb @target/jpackage/package.cfg --app-image target/jpackage/dist/Vernissage \
  --icon packaging/linux/vernissage.png \
  --file-associations packaging/linux/file-associations.properties \
  --linux-package-name vernissage \
  --resource-dir packaging/linux/resources \
  --linux-menu-group Graphics --linux-app-category graphics --linux-shortcut \
  --linux-package-deps "libgtk-3-0, libx11-6, libxtst6, libxxf86vm1, libgl1"
ls target/jpackage/dist/*.deb
