#!/usr/bin/env bash
# Build bannerkit/data/cmyk-fogra39.icc, the CMYK profile print PDFs name as their PDF/X output
# intent: ArgyllCMS's colprof, from the FOGRA39L characterisation data (offset, coated paper,
# ISO 12647-2) that Debian ships in icc-profiles-free (data: Kai-Uwe Behrmann, zlib licence).
# Freely redistributable, unlike the ECI/Adobe FOGRA39 profiles. Run once; the file is committed.
#   sudo apt-get install argyll icc-profiles-free && tools/make_cmyk_profile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp /usr/share/color/icc/FOGRA39L.ti3 "$work/cmyk-fogra39.ti3"
# -qm: medium quality tables; -l330: FOGRA39's total ink limit (330 %)
(cd "$work" && colprof -qm -l330 -D "bannerkit CMYK (FOGRA39, coated)" \
  -C "Made with ArgyllCMS colprof from FOGRA39L data by Kai-Uwe Behrmann (zlib licence)" cmyk-fogra39)
cp "$work/cmyk-fogra39.icc" bannerkit/data/cmyk-fogra39.icc
echo bannerkit/data/cmyk-fogra39.icc
