#!/usr/bin/env bash
# One-time set-up on a fresh Debian/Ubuntu machine: system libraries, then a virtual
# environment in .venv with bannerkit and its test tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")"

# WeasyPrint draws text with Pango and subsets fonts with HarfBuzz; cairo draws the artwork in the
# PNG (CairoSVG); the print tests read PDFs back with qpdf, poppler's pdfinfo and pdffonts, and
# Ghostscript; the LED legibility test reads
# renders back with tesseract and its Vietnamese model; the preview test drives Debian's Chromium.
system_packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libcairo2 fontconfig tesseract-ocr tesseract-ocr-vie
                 chromium qpdf poppler-utils ghostscript)
missing=()
for pkg in "${system_packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[video,preview,test]'  # every optional part, and the test tools
echo "bannerkit is ready: .venv/bin/bannerkit --help"
