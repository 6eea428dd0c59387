#!/usr/bin/env bash
# Packs the app-image into a .deb with dpkg-deb under fakeroot (ADR 0030): the image in /opt/command-center,
# /usr/bin/command-center linked to its launcher, a menu entry and the icon.
# Usage: make-deb.sh APP_IMAGE_DIR VERSION OUTPUT_DIR   (run by `./mvnw -Pinstaller package`)
set -euo pipefail
image=$1 version=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
for tool in dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y fakeroot dpkg" >&2; exit 1; }
done
# Debian orders 0.1.0~SNAPSHOT before 0.1.0, as Maven orders 0.1.0-SNAPSHOT before 0.1.0.
deb_version=${version/-SNAPSHOT/~SNAPSHOT}
arch=$(dpkg --print-architecture)
stage="$out/deb-staging"
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/icons/hicolor/256x256/apps"
cp -a "$image" "$stage/opt/command-center"
ln -s /opt/command-center/bin/command-center "$stage/usr/bin/command-center"
install -m 644 "$here/command-center.desktop" "$stage/usr/share/applications/command-center.desktop"
install -m 644 "$here/command-center.png" "$stage/usr/share/icons/hicolor/256x256/apps/command-center.png"
cat > "$stage/DEBIAN/control" <<CONTROL
Package: command-center
Version: $deb_version
Architecture: $arch
Maintainer: Anti-fraud Command Center team <command-center@localhost>
Installed-Size: $(du -sk "$stage" | cut -f1)
Depends: libc6, zlib1g, libgtk-3-0t64 | libgtk-3-0, libgl1, libxtst6
Recommends: fonts-noto-cjk
Section: misc
Priority: optional
Description: Anti-fraud Command Center
 Desktop application and command line for the figures, records and briefings
 of the anti-fraud campaign, with its own Java runtime (in /opt/command-center).
CONTROL
deb="$out/command-center_${deb_version}_${arch}.deb"
fakeroot dpkg-deb --build --root-owner-group -Zgzip -z6 "$stage" "$deb" >/dev/null
rm -rf "$stage"
echo "$deb"
