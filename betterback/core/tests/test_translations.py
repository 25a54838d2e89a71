"""Danish is the default and must be complete; the committed .mo must match the .po."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from betterback.settings import PACKAGE_DIR

DA_PO = PACKAGE_DIR / "locale" / "da" / "LC_MESSAGES" / "django.po"
DA_MO = DA_PO.with_suffix(".mo")
TRANSLATE_TAG = re.compile(r"""\{% translate "([^"]+)" %\}""")


def catalog() -> dict[str, list[str]]:
    """msgid -> msgstr(s) from the Danish .po file, plus the fuzzy flag as key '#fuzzy'."""
    entries, fuzzy = {}, []
    for block in DA_PO.read_text(encoding="utf-8").split("\n\n"):
        lines = block.strip().splitlines()
        if any(line.startswith("#,") and "fuzzy" in line for line in lines):
            fuzzy.append(block)
        msgid, strings, current = None, [], None
        for line in lines:
            if line.startswith("msgid "):
                current, msgid = "id", _unquote(line[6:])
            elif line.startswith("msgid_plural"):
                current = "plural"
            elif line.startswith("msgstr"):
                current = "str"
                strings.append(_unquote(line.split(" ", 1)[1]))
            elif line.startswith('"') and current == "id":
                msgid += _unquote(line)
            elif line.startswith('"') and current == "str":
                strings[-1] += _unquote(line)
        if msgid:
            entries[msgid] = strings
    entries["#fuzzy"] = fuzzy
    return entries


def _unquote(text: str) -> str:
    return text.strip()[1:-1].replace('\\"', '"').replace("\\n", "\n")


def test_every_danish_message_is_translated_and_none_is_fuzzy():
    entries = catalog()
    assert entries.pop("#fuzzy") == []
    untranslated = [msgid for msgid, strings in entries.items() if not all(strings)]
    assert untranslated == []
    assert len(entries) > 100


def test_every_translate_tag_in_the_templates_has_a_danish_translation():
    entries = catalog()
    templates = PACKAGE_DIR.glob("*/templates/**/*.html")
    used = {m for path in templates for m in TRANSLATE_TAG.findall(path.read_text("utf-8"))}
    missing = sorted(msgid for msgid in used if not entries.get(msgid, [""])[0])
    assert missing == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext is installed by make test")
def test_the_committed_mo_file_matches_the_po_file(tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(compiled), str(DA_PO)], check=True)
    assert compiled.read_bytes() == Path(DA_MO).read_bytes()
