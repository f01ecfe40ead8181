#!/usr/bin/env bash
# Builds OutcomeDesk's native installer for the OS this runs on, with a jlink-trimmed Java runtime inside:
#   Linux   .deb (and .rpm where rpmbuild exists) and the app image (target/installer/outcome-desk/)
#   Windows .msi (needs WiX 3 on the PATH; run from Git Bash)
#   macOS   .dmg
# Output: target/installer/. The jar is built first (mvn package, the platform profile picks this OS's natives);
# SKIP_JAR=1 reuses target/outcome-desk.jar. DPKG_DEB_COMPRESSOR_TYPE=zstd makes a quicker, larger test .deb
# (the default xz takes minutes on the 300 MB inside). The JDK comes from JAVA_HOME, else the PATH (17 or later).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/target/installer
BIN=${JAVA_HOME:+$JAVA_HOME/bin/}
VERSION=$(sed -n 's|^  <version>\([0-9.]*\).*</version>|\1|p' pom.xml | head -n1)
DESCRIPTION="Learns from a clinic's own appointment notes: predictions, doctor charts and alike diseases"

case "$(uname -s)" in
  Linux*) os=linux ;;
  Darwin*) os=mac ;;
  MINGW*|MSYS*|CYGWIN*) os=windows ;;
  *) echo "build.sh: no installer for $(uname -s)" >&2; exit 1 ;;
esac

[ "${SKIP_JAR:-}" = 1 ] || mvn -B -q -DskipTests package
[ -f target/outcome-desk.jar ] || { echo "build.sh: target/outcome-desk.jar is missing; run mvn package" >&2; exit 1; }

rm -rf "$OUT" && mkdir -p "$OUT/input" "$OUT/jar"
# The jar goes in stored, not deflated: the installer compresses it whole (xz in a .deb), and 42,000 small
# entries squeeze far better together than one by one (.deb: ~41 MB for the jar instead of ~90 MB).
(cd "$OUT/jar" && "${BIN}jar" --extract --file "$ROOT/target/outcome-desk.jar")
"${BIN}jar" --create --no-compress --file "$OUT/input/outcome-desk.jar" --manifest "$OUT/jar/META-INF/MANIFEST.MF" \
  -C "$OUT/jar" .
rm -rf "$OUT/jar"

# The JDK modules the jar needs (jdeps --ignore-missing-deps --multi-release 17 --print-module-deps on the jar),
# plus what is loaded by name: EC crypto for TLS, locale data for dates and numbers, the charsets of CSV files
# written on Windows, and the zip file system.
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.naming,java.net.http,java.rmi,java.scripting,\
java.security.jgss,java.sql,jdk.jfr,jdk.management,jdk.net,jdk.unsupported,jdk.crypto.ec,jdk.localedata,\
jdk.charsets,jdk.zipfs
"${BIN}jlink" --add-modules "$MODULES" --strip-debug --strip-native-commands --no-header-files --no-man-pages --compress=2 \
  --output "$OUT/runtime"

common=(--app-version "$VERSION" --vendor OutcomeDesk --description "$DESCRIPTION"
  --copyright "OutcomeDesk" --input "$OUT/input" --main-jar outcome-desk.jar
  --main-class com.outcomedesk.Launcher --runtime-image "$OUT/runtime" --dest "$OUT")

case $os in
  linux)
    # Launcher /opt/outcome-desk/bin/outcome-desk, linked from /usr/bin by the package's postinst.
    "${BIN}jpackage" --type app-image --name outcome-desk --icon assets/icon.png "${common[@]}"
    pkg=(--name outcome-desk --app-image "$OUT/outcome-desk" --app-version "$VERSION" --vendor OutcomeDesk
      --description "$DESCRIPTION" --dest "$OUT" --resource-dir installer/linux --linux-shortcut
      --linux-menu-group "Office;MedicalSoftware" --linux-app-category science
      --linux-package-name outcome-desk --linux-deb-maintainer "it@outcomedesk.invalid"
      --about-url "https://outcomedesk.invalid" --file-associations installer/odbackup.properties)
    "${BIN}jpackage" --type deb "${pkg[@]}"
    if command -v rpmbuild >/dev/null; then "${BIN}jpackage" --type rpm "${pkg[@]}"; fi
    ;;
  windows)
    # OutcomeDesk.exe opens the desktop without a console; outcome-desk.exe is the same app for a terminal.
    "${BIN}jpackage" --type msi --name OutcomeDesk --icon assets/icon.ico "${common[@]}" \
      --file-associations installer/odbackup.properties \
      --add-launcher outcome-desk=installer/windows/outcome-desk-console.properties \
      --win-menu --win-menu-group OutcomeDesk --win-shortcut --win-dir-chooser \
      --win-upgrade-uuid 6b7d2f4e-3c1a-4f55-9a0e-0d5c7e1b2a90
    ;;
  mac)
    iconset="$OUT/OutcomeDesk.iconset" && mkdir -p "$iconset"
    for size in 16 32 128 256; do
      sips -z $size $size assets/icon.png --out "$iconset/icon_${size}x${size}.png" >/dev/null
      sips -z $((size * 2)) $((size * 2)) assets/icon.png --out "$iconset/icon_${size}x${size}@2x.png" >/dev/null
    done
    iconutil -c icns "$iconset" -o "$OUT/OutcomeDesk.icns"
    "${BIN}jpackage" --type dmg --name OutcomeDesk --icon "$OUT/OutcomeDesk.icns" "${common[@]}" \
      --mac-package-identifier com.outcomedesk.desktop --mac-package-name OutcomeDesk \
      --file-associations installer/odbackup.properties
    ;;
esac
rm -rf "$OUT/input"
ls -l "$OUT"
