#!/usr/bin/env bash
# Installs the Debian packages the build or the tests need, only when they are missing.
#   site: Pango (WeasyPrint renders PDFs with it), DejaVu fonts (embedded in the PDFs) and
#         Liberation Sans (large print's narrower face: without it large print falls back to DejaVu)
#   test: the above, plus chromium for browser tests, poppler-utils (pdftotext) to read PDFs back,
#         and for the checkers in tests/audit/: Node.js and npm (pa11y), Java (the Nu HTML checker)
set -euo pipefail
what=${1:-test}
missing=()
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
fc-list 2>/dev/null | grep -qi "DejaVu Sans" || missing+=(fonts-dejavu-core fontconfig)
fc-list 2>/dev/null | grep -qi "Liberation Sans" || missing+=(fonts-liberation)
if [[ $what == test ]]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
fi
if ((${#missing[@]})); then
  echo "Installing system packages: ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
