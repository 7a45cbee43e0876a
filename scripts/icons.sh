#!/usr/bin/env bash
# Renders the app's PNG icons from our own SVGs (wwwroot/icons/*.svg). The PNGs are committed, so a
# build needs nothing; run this after changing an SVG. Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/../src/Rekindle.Web/wwwroot/icons"
command -v rsvg-convert >/dev/null || { echo "error: rsvg-convert missing; apt-get install librsvg2-bin" >&2; exit 1; }
rsvg-convert -w 192 -h 192 icon.svg -o icon-192.png
rsvg-convert -w 512 -h 512 icon.svg -o icon-512.png
# Maskable: edge to edge colour, the flame inside the central safe circle (80% of the width).
rsvg-convert -w 512 -h 512 icon-maskable.svg -o icon-maskable-512.png
# iOS rounds the corners itself and puts black behind transparency, so it gets the full-bleed one.
rsvg-convert -w 180 -h 180 icon-maskable.svg -o apple-touch-icon.png
