"""The pack's contract with the code: every role played once, by fields that are there and fit, and
the same problems reported by the loader, `betterback check`, `content check` and start-up."""

import shutil
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command

from betterback import wsgi
from betterback.content.checks import check_pack
from betterback.content.loader import RoleError, load_pack
from betterback.content.pack import pack, role
from betterback.content.roles import ROLES

DEFAULT_PACK = Path(__file__).resolve().parent.parent / "pack"


@pytest.fixture
def copy(tmp_path):
    """A copy of the default pack to break."""
    shutil.copytree(DEFAULT_PACK, tmp_path, dirs_exist_ok=True)
    return tmp_path


def edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def refused(folder: Path) -> RoleError:
    with pytest.raises(RoleError) as error:
        load_pack(folder)
    return error.value


def test_the_default_pack_plays_every_role_with_fields_that_fit():
    for name, spec in ROLES.items():
        played = role(name)
        assert played.material_id in pack()
        for need in spec.needs:
            assert played.field(need.key).type in need.types


def test_a_pack_without_a_role_is_refused_naming_the_role(copy):
    block = (
        '[roles.goals]\nlist = "goals"\ntext = "text"\nmeasure = "measure"\n'
        'values = "serves"\nby_when = "by_when"\n'
    )
    edit(copy / "my-goals" / "material.toml", block, "")

    error = refused(copy)

    assert (error.path, error.field) == (copy, "roles.goals")
    assert "no material plays this role" in error.problem
    assert "add [roles.goals]" in error.problem


@pytest.mark.parametrize(
    ("old", "new", "field", "problem"),
    [
        ('measure = "measure"', 'measure = "how"', "roles.goals.measure", "has no field 'how'"),
        ('measure = "measure"\n', "", "roles.goals.measure", "missing: name the field"),
        ('by_when = "by_when"', 'by_when = "text"', "roles.goals.by_when", "is a text field"),
        ('list = "goals"', 'list = "psfs_note"', "roles.goals.list", "has no field"),
        ("[roles.goals]\n", '[roles.goals]\nsize = "x"\n', "roles.goals.size", "no such field"),
        ("\n[roles.goals]\n", "\n[roles.wishes]\n", "roles.wishes", "unknown role"),
    ],
)
def test_a_role_whose_field_is_missing_or_does_not_fit_names_the_file_and_field(
    copy, old, new, field, problem
):
    path = edit(copy / "my-goals" / "material.toml", old, new)

    error = refused(copy)

    assert (error.path, error.field) == (path, field)
    assert problem in error.problem


def test_a_role_played_twice_is_refused(copy):
    path = edit(
        copy / "follow-up" / "material.toml",
        "[roles.follow_up]",
        "[roles.flare_plan]\n\n[roles.follow_up]",
    )
    error = refused(copy)

    assert error.path in (path, copy / "flare-up-plan" / "material.toml")
    assert error.field == "roles.flare_plan" and "plays this role already" in error.problem


def test_a_goal_must_serve_the_list_of_what_matters(copy):
    # The goals' link points at another list than the one that plays "values".
    path = edit(
        copy / "my-goals" / "material.toml",
        'links_to = "what-matters/activities"',
        'links_to = "helps-and-hinders/resources"',
    )

    error = refused(copy)

    assert (error.path, error.field) == (path, "roles.goals.values")
    assert "must link to 'what-matters/activities'" in error.problem


def test_the_system_check_the_command_and_start_up_say_the_same(copy, settings):
    edit(copy / "my-goals" / "material.toml", 'measure = "measure"', 'measure = "how"')
    settings.BETTERBACK_CONTENT_PACK = str(copy)

    [message] = check_pack()
    with pytest.raises(CommandError) as command:
        call_command("content", "check")
    with pytest.raises(Exception) as check:
        call_command("check")
    with pytest.raises(ImproperlyConfigured) as start_up:
        wsgi._refuse_broken_content()

    assert message.id == "betterback.E002"
    assert message.obj == str(copy / "my-goals" / "material.toml")
    assert "field 'roles.goals.measure'" in message.msg
    for said in (command.value, check.value, start_up.value):
        assert str(message) in str(said)


def test_a_broken_material_is_check_e001(copy, settings):
    edit(copy / "my-goals" / "material.toml", 'phase = "plan"', 'phase = "later"')
    settings.BETTERBACK_CONTENT_PACK = str(copy)

    [message] = check_pack()

    assert message.id == "betterback.E001" and "phase" in message.msg
