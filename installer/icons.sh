#!/usr/bin/env bash
# Draws the app icon into assets/ (icon.png for Linux, icon.ico for Windows; macOS makes its .icns from
# icon.png at build time with sips and iconutil). Needs ImageMagick; run it only to change the icon.
set -euo pipefail
cd "$(dirname "$0")/.."
convert -size 512x512 xc:none \
  -fill '#1f6f8b' -draw 'roundrectangle 16,16 496,496 96,96' \
  -fill transparent -stroke white -strokewidth 30 -draw 'stroke-linejoin round stroke-linecap round polyline 70,290 170,290 215,170 285,390 335,250 442,250' \
  -fill '#9be7c4' -stroke none -draw 'circle 442,250 442,282' \
  -resize 256x256 assets/icon.png
convert assets/icon.png -define icon:auto-resize=256,128,64,48,32,16 assets/icon.ico
