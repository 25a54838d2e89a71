"""`betterback instruments check` and `check-pack`: what a content owner runs before deploying."""

import shutil

import pytest
from django.core.management import CommandError, call_command

from betterback.questionnaires.definitions import FOLDER

PACK = """
instrument = "nrs"
instrument_version = "1"
language = "da"
name = "NRS-dk"
version = "2020"
copyright = "Fri til brug."
[items]
"1" = "Hvor ondt har du haft?"
"""


def test_it_lists_the_built_in_instruments(capsys):
    call_command("instruments", "check")
    out = capsys.readouterr().out
    assert "10 instruments, all valid." in out
    assert "startback" in out and "redflags" in out


def test_it_names_the_file_and_field_of_a_broken_definition(tmp_path):
    shutil.copy(FOLDER / "nrs.toml", tmp_path / "nrs.toml")
    path = tmp_path / "nrs.toml"
    path.write_text(
        path.read_text("utf-8").replace('licence = "free"', 'licence = "maybe"'), "utf-8"
    )
    with pytest.raises(CommandError, match=r"nrs.toml: field 'licence': unknown licence"):
        call_command("instruments", "check", str(tmp_path))


def test_it_accepts_a_valid_wording_pack(tmp_path, capsys):
    pack = tmp_path / "nrs-da.toml"
    pack.write_text(PACK, "utf-8")
    call_command("instruments", "check-pack", str(pack))
    assert "a valid da wording of nrs (NRS-dk 2020)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('"1" = "Hvor ondt har du haft?"', ""), "field 'items.1': missing text"),
        (('instrument = "nrs"', 'instrument = "vas"'), "unknown instrument 'vas'"),
        (('version = "2020"', 'version = "2020"\nextra = 1'), "field 'extra': unknown key"),
        (("[items]", "[items"), "not valid TOML"),
    ],
)
def test_it_refuses_a_broken_wording_pack_naming_the_field(tmp_path, change, message):
    pack = tmp_path / "pack.toml"
    pack.write_text(PACK.replace(*change), "utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("instruments", "check-pack", str(pack))
