#!/usr/bin/env bash
# The Debian packages the test suite needs: Chromium for the browser tests, Node.js and npm for
# axe-core, gettext to check the translations, poppler-utils to read the PDFs back (pdftotext,
# pdfinfo, pdffonts; pdftoppm for the previews in docs/screenshots/pdf/). Installs what is missing
# when run as root; otherwise says what to install. Pango is needed at run time too: WeasyPrint
# draws the PDFs with it (docs/deployment.md).
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v msgfmt >/dev/null || missing+=(gettext)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
/sbin/ldconfig -p | grep -q 'libpangoft2-1.0.so.0' || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The tests need these Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
