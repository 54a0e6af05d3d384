#!/bin/sh
# check-translation.sh SOURCE_ROOT LANG: every string the sources mark for
# translation has a reviewed (not fuzzy, not empty) translation in
# po/LANG.po, and the file compiles with its format checks. Prints what
# is missing.
set -eu
top=$1
lang=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$top"
# The keywords of meson's glib preset, as po/meson.build uses.
xgettext --files-from=po/POTFILES.in --directory="$top" --output="$tmp/all.pot" \
  --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_set_error:4:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format

msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/merged.po" "po/$lang.po" "$tmp/all.pot"
msgfmt --check --output-file=/dev/null "$tmp/merged.po"
msgattrib --no-wrap --untranslated --no-obsolete "$tmp/merged.po" >"$tmp/untranslated.po"
msgattrib --no-wrap --only-fuzzy --no-obsolete "$tmp/merged.po" >"$tmp/fuzzy.po"

missing=$( (grep -c '^msgid ' "$tmp/untranslated.po" || true) )
fuzzy=$( (grep -c '^msgid ' "$tmp/fuzzy.po" || true) )
# The header is an entry of its own in each non-empty file.
[ "$missing" -gt 0 ] && missing=$((missing - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
if [ "$missing" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
  echo "po/$lang.po lacks $missing translations and has $fuzzy unreviewed (fuzzy) ones:"
  cat "$tmp/untranslated.po" "$tmp/fuzzy.po" | grep '^msgid ' | grep -v '^msgid ""$' || true
  exit 1
fi
echo "po/$lang.po translates every one of the sources' strings."
