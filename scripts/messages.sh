#!/usr/bin/env bash
# Extract BetterBack's translatable strings into betterback/locale/<lang>/
# LC_MESSAGES/django.po and compile them to django.mo.
#
#   bash scripts/messages.sh
#
# Danish (da) is the default language and must be complete: after running
# this, translate every new msgid in betterback/locale/da/LC_MESSAGES/django.po
# (and remove any "#, fuzzy"), then run the script again to compile.
# English (en) is the source language; its msgstr stay empty.
# The .mo files are committed, so a deployed machine needs no gettext.
# Needs gettext (msgfmt, msgmerge, xgettext): apt-get install -y gettext
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
[ -x "$PYTHON" ] || PYTHON=python3
export DJANGO_DEBUG=${DJANGO_DEBUG:-1}

LOCALES=(da en)

log() { printf 'messages: %s\n' "$*"; }
die() { printf 'messages: ERROR: %s\n' "$*" >&2; exit 1; }

for tool in msgfmt msgmerge xgettext msguniq; do
  command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install -y gettext)"
done

locale_args=()
for lang in "${LOCALES[@]}"; do
  mkdir -p "betterback/locale/$lang/LC_MESSAGES"
  locale_args+=(--locale "$lang")
done

# Run from inside betterback/: makemessages then writes into the app-level
# "locale" directory there (betterback/locale), which is LOCALE_PATHS[0].
log "makemessages ${LOCALES[*]}"
(
  cd betterback
  "$PYTHON" "$ROOT/manage.py" makemessages "${locale_args[@]}" \
    --domain django \
    --ignore '.venv/*' --ignore 'node_modules/*' \
    --no-obsolete --add-location file
)

log "compilemessages ${LOCALES[*]}"
(
  cd betterback
  "$PYTHON" "$ROOT/manage.py" compilemessages "${locale_args[@]}"
)

for lang in "${LOCALES[@]}"; do
  po=betterback/locale/$lang/LC_MESSAGES/django.po
  [ -f "$po" ] || die "$po was not written"
  [ -f "${po%.po}.mo" ] || die "${po%.po}.mo was not written"
  printf 'messages: %s: ' "$lang"
  msgfmt --check --statistics -o /dev/null "$po" 2>&1
done
