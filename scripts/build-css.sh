#!/usr/bin/env bash
# Build BetterBack's single static stylesheet from Det Fælles Designsystem
# (dkfds) + assets/scss, and copy the fonts/icons the CSS refers to.
#
#   bash scripts/build-css.sh        (also: make css, npm run build:css)
#
# Output (all committed, so the Django app needs no Node.js at run time):
#   betterback/core/static/core/css/betterback.css
#   betterback/core/static/core/fonts/IBMPlexSans-*.woff2 (+ OFL license.txt)
#   betterback/core/static/core/img/icons/*.svg   (only those the CSS uses)
#   betterback/core/static/core/img/*.png         (only those the CSS uses)
#   betterback/core/static/core/img/all-svg-icons.svg  (sprite for <use href>)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

STATIC=betterback/core/static/core
CSS_OUT=$STATIC/css/betterback.css
DKFDS=node_modules/dkfds/src
ENTRY=assets/scss/betterback.scss

log() { printf 'build-css: %s\n' "$*"; }
die() { printf 'build-css: ERROR: %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null || die "node is not installed (needed only to rebuild the CSS)"
command -v npm >/dev/null || die "npm is not installed"

# --- 1. node_modules present and matching package-lock.json? --------------
deps_ok() {
  [ -d node_modules ] || return 1
  node -e '
    const fs = require("fs");
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
    for (const [path, meta] of Object.entries(lock.packages || {})) {
      if (!path) continue;                       // the root project
      const pj = path + "/package.json";
      if (!fs.existsSync(pj)) {
        if (meta.optional) continue;             // other-platform binaries
        process.exit(1);
      }
      if (JSON.parse(fs.readFileSync(pj, "utf8")).version !== meta.version) process.exit(1);
    }
  ' 2>/dev/null
}

if ! deps_ok; then
  log "node_modules missing or stale: npm ci"
  npm ci --no-audit --no-fund
  deps_ok || die "node_modules still does not match package-lock.json after npm ci"
fi

# --- 2. compile -------------------------------------------------------------
mkdir -p "$(dirname "$CSS_OUT")"
log "sass $ENTRY -> $CSS_OUT"
node_modules/.bin/sass \
  --no-source-map \
  --style=compressed \
  --load-path=node_modules \
  --quiet-deps \
  "$ENTRY" "$CSS_OUT"

# --- 3. copy every file the CSS points at -----------------------------------
# URLs are relative to $STATIC/css/. Anything that is not a local ../fonts/
# or ../img/ path (another host, an absolute path, a missing file) fails the
# build.
mkdir -p "$STATIC/fonts" "$STATIC/img/icons"
rm -f "$STATIC"/fonts/IBMPlexSans-*.woff2 "$STATIC"/img/icons/*.svg

urls=$(grep -oE 'url\([^)]*\)' "$CSS_OUT" | sed -E 's/^url\(["'"'"']?//; s/["'"'"']?\)$//' | sort -u)

for url in $urls; do
  case "$url" in
    ../fonts/*)     src="$DKFDS/fonts/IBMPlexSans/complete/woff2/${url#../fonts/}" ;;
    ../img/icons/*) src="$DKFDS/img/svg-icons/${url#../img/icons/}" ;;
    ../img/*)       src="$DKFDS/img/${url#../img/}" ;;
    *)              die "unexpected url($url) in $CSS_OUT: only ../fonts/ and ../img/ are allowed" ;;
  esac
  dest="$STATIC/${url#../}"
  [ -f "$src" ] || die "url($url): source file $src not found in dkfds"
  mkdir -p "$(dirname "$dest")"
  cp "$src" "$dest"
done

# Font licence (SIL OFL 1.1 requires it to travel with the font files).
cp "$DKFDS/fonts/IBMPlexSans/complete/woff2/license.txt" "$STATIC/fonts/license.txt"
# Icon sprite for inline <svg><use href=".../all-svg-icons.svg#NAME"></use></svg>
cp "$DKFDS/img/all-svg-icons.svg" "$STATIC/img/all-svg-icons.svg"

# --- 4. sanity checks --------------------------------------------------------
if grep -qiE 'url\(["'"'"']?(https?:|//)' "$CSS_OUT"; then
  die "$CSS_OUT refers to another host"
fi
for url in $urls; do
  [ -f "$STATIC/css/$url" ] || die "url($url) does not resolve from $STATIC/css/"
done

size=$(wc -c <"$CSS_OUT")
log "done: $CSS_OUT ($((size / 1024)) KiB, $(printf '%s\n' "$urls" | grep -c . || true) local urls)"
