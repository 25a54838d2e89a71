"""The clinic administrator's questionnaire settings: the schedule, and licensed wording packs."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from betterback.accounts.models import User
from betterback.audit.models import Action, AuditEvent
from betterback.clinics.models import ClinicAdministrator
from betterback.questionnaires import services
from betterback.questionnaires.definitions import instrument
from betterback.questionnaires.models import (
    DEFAULT_FOLLOW_UP,
    DEFAULT_INTAKE,
    Schedule,
    WordingPack,
)
from betterback.testing.cast import PASSWORD

SETTINGS = "questionnaires:clinic_settings"
ITEMS = "\n".join(f'"{n}" = "Valideret udsagn nummer {n}."' for n in range(1, 9))
# A small wording pack for STarT Back in Danish, in the format wording.parse_pack checks.
STARTBACK_PACK = f"""
instrument = "startback"
instrument_version = "1"
language = "da"
name = "STarT-dk test"
version = "2.0"
copyright = "STarT Back © Keele University. Dansk version licenseret til testklinikken."

[items]
{ITEMS}
"9" = "Hvor generende har rygsmerterne været (valideret)?"

[options.agree]
0 = "Ikke enig"
1 = "Enig i udsagnet"

[options.bother]
0 = "Slet ikke"
1 = "Lidt"
2 = "Moderat"
3 = "Meget"
4 = "Ekstremt"
"""
WITHOUT_ITEM_9 = STARTBACK_PACK.replace('"9" = "Hvor generende', '# "9" = "Hvor generende')


def settings_form(intake=DEFAULT_INTAKE, follow_up=DEFAULT_FOLLOW_UP, weeks="4, 12, 26") -> dict:
    return {"intake": list(intake), "follow_up": list(follow_up), "weeks": weeks}


def upload(text: str, instrument="startback") -> dict:
    return {
        "instrument": instrument,
        "file": SimpleUploadedFile(
            "wording.toml", text.encode("utf-8"), content_type="application/toml"
        ),
    }


def installed_pack(cast) -> WordingPack:
    return services.install_wording_pack(
        clinic=cast.odense,
        definition=instrument("startback"),
        source_text=STARTBACK_PACK,
        actor=cast.anne,
        source="test",
    )


def peters_startback_page(cast, client_for):
    qset = services.send_intake(
        patient=cast.peter_patient, clinician=cast.lise.clinician, actor=cast.lise, source="test"
    )
    response = qset.responses.get(instrument_id="startback")
    url = reverse("questionnaires:answer", args=[qset.public_id, response.public_id])
    return client_for(cast.peter).get(url)


def test_the_administrator_sees_the_schedule_with_the_defaults_checked(cast, client_for):
    page = client_for(cast.anne).get(reverse(SETTINGS))

    assert page.status_code == 200
    body = page.content.decode()
    for entry in DEFAULT_INTAKE:
        assert f'name="intake" value="{entry}" checked' in body
    for entry in DEFAULT_FOLLOW_UP:
        assert f'name="follow_up" value="{entry}" checked' in body
    assert 'name="intake" value="odi">' in body
    assert 'value="4, 12, 26"' in body
    assert "Ingen ordlydspakker installeret. Patienterne ser referenceteksten." in body


def test_saving_the_schedule_stores_the_weeks_in_order(cast, client_for):
    anne = client_for(cast.anne)

    saved = anne.post(
        reverse(SETTINGS), settings_form(intake=["nrs:back", "startback"], weeks="26; 4, 12")
    )

    assert saved["Location"] == reverse(SETTINGS)
    schedule = Schedule.objects.get(clinic=cast.odense)
    assert schedule.intake == ["nrs:back", "startback"]
    assert schedule.follow_up == DEFAULT_FOLLOW_UP
    assert schedule.follow_up_weeks == [4, 12, 26]
    assert schedule.changed_by == cast.anne
    page = anne.get(saved["Location"]).content.decode()
    assert "Planen for spørgeskemaer er gemt." in page
    assert 'name="intake" value="rmdq">' in page
    assert AuditEvent.objects.filter(
        actor=cast.anne, action=Action.UPDATE, target="questionnaire_schedule"
    ).exists()


def test_saving_the_weeks_4_12_26_works(cast, client_for):
    saved = client_for(cast.anne).post(reverse(SETTINGS), settings_form(weeks="4, 12, 26"))

    assert saved.status_code == 302
    assert Schedule.objects.get(clinic=cast.odense).follow_up_weeks == [4, 12, 26]


def test_a_clinic_may_ask_for_three_psfs_activities(cast, client_for):
    intake = ["psfs"]
    saved = client_for(cast.anne).post(
        reverse(SETTINGS), {**settings_form(intake=intake, weeks="4"), "psfs_three": "on"}
    )
    qset = services.send_intake(
        patient=cast.peter_patient, clinician=cast.lise.clinician, actor=cast.peter, source="t"
    )
    psfs = qset.responses.get()
    url = reverse("questionnaires:answer", args=[qset.public_id, psfs.public_id])
    peter = client_for(cast.peter)

    two = peter.post(url, {"item-1": "4", "item-2": "6", "action": "submit"})
    three = peter.post(url, {"item-1": "4", "item-2": "6", "item-3": "2", "action": "submit"})

    assert saved.status_code == 302
    assert Schedule.objects.get(clinic=cast.odense).min_answered == {"psfs": 3}
    assert two.status_code == 400
    assert three.status_code == 302
    psfs.refresh_from_db()
    assert psfs.total == 4
    page = client_for(cast.lise).get(
        reverse("questionnaires:patient_results", args=[cast.peter_patient.public_id])
    )
    assert "gennemsnittet af 3 aktiviteter" in page.content.decode()


def test_without_the_setting_two_psfs_activities_are_enough(cast, client_for):
    client_for(cast.anne).post(reverse(SETTINGS), settings_form(intake=["psfs"], weeks="4"))
    qset = services.send_intake(
        patient=cast.peter_patient, clinician=cast.lise.clinician, actor=cast.peter, source="t"
    )
    psfs = qset.responses.get()
    url = reverse("questionnaires:answer", args=[qset.public_id, psfs.public_id])

    sent = client_for(cast.peter).post(url, {"item-1": "4", "item-2": "6", "action": "submit"})

    assert sent.status_code == 302
    assert Schedule.objects.get(clinic=cast.odense).min_answered == {}
    psfs.refresh_from_db()
    assert psfs.total == 5
    page = client_for(cast.lise).get(
        reverse("questionnaires:patient_results", args=[cast.peter_patient.public_id])
    )
    assert "gennemsnittet af 2 aktiviteter" in page.content.decode()


@pytest.mark.parametrize("weeks", ["4, x", "0", "105", "4, -2"])
def test_weeks_that_are_not_whole_weeks_are_refused_and_kept_in_the_form(cast, client_for, weeks):
    page = client_for(cast.anne).post(reverse(SETTINGS), settings_form(weeks=weeks))

    assert page.status_code == 400
    body = page.content.decode()
    assert "Skriv hele uger fra 1 til 104, adskilt af komma." in body
    assert f'value="{weeks}"' in body
    assert not Schedule.objects.exists()


def test_oswestry_is_refused_until_its_licensed_wording_is_installed(cast, client_for):
    page = client_for(cast.anne).post(
        reverse(SETTINGS), settings_form(follow_up=[*DEFAULT_FOLLOW_UP, "odi"])
    )

    assert page.status_code == 400
    assert (
        "Installér den licenserede ordlyd af Oswestry, før patienterne får skemaet."
        in page.content.decode()
    )
    assert services.schedule_for(cast.odense).follow_up == DEFAULT_FOLLOW_UP
    assert not Schedule.objects.exists()


def test_oswestry_can_be_chosen_once_its_wording_is_installed(cast, client_for):
    # The schedule only checks that a pack is there; installing one is tested below.
    WordingPack.objects.create(
        clinic=cast.odense,
        instrument_id="odi",
        language="da",
        name="ODI dansk",
        version="2.1a",
        source_text="# not read here",
        installed_by=cast.anne,
    )

    saved = client_for(cast.anne).post(
        reverse(SETTINGS), settings_form(follow_up=[*DEFAULT_FOLLOW_UP, "odi"])
    )

    assert saved.status_code == 302
    assert Schedule.objects.get(clinic=cast.odense).follow_up == [*DEFAULT_FOLLOW_UP, "odi"]


def test_an_installed_wording_pack_replaces_the_reference_text_for_the_patients(cast, client_for):
    anne = client_for(cast.anne)

    installed = anne.post(reverse("questionnaires:install_pack"), upload(STARTBACK_PACK))
    settings = anne.get(installed["Location"]).content.decode()
    page = peters_startback_page(cast, client_for)

    assert installed["Location"] == reverse(SETTINGS)
    assert "Ordlydspakken STarT-dk test 2.0 er installeret." in settings
    pack = WordingPack.objects.get(clinic=cast.odense)
    assert (pack.instrument_id, pack.language, pack.label) == (
        "startback",
        "da",
        "STarT-dk test 2.0",
    )
    assert pack.installed_by == cast.anne
    assert pack.source_text == STARTBACK_PACK
    body = page.content.decode()
    assert "Valideret udsagn nummer 1." in body
    assert "Enig i udsagnet" in body
    assert "Dansk version licenseret til testklinikken." in body  # the pack's copyright line
    assert "Referencetekst" not in body and "Valideret ordlyd" not in body  # clinicians' notes
    assert "Mine rygsmerter har bredt sig ned i det ene eller begge ben." not in body


def test_a_danish_wording_pack_leaves_the_english_reference_text_alone(cast, client_for):
    installed_pack(cast)
    cast.peter.language = "en"
    cast.peter.save()

    body = peters_startback_page(cast, client_for).content.decode()

    assert "My back pain has spread down one or both legs." in body
    assert "STarT Back Screening Tool © Keele University 2007" in body


def test_answers_given_in_a_wording_pack_remember_it(cast, client_for):
    installed_pack(cast)
    qset = services.send_intake(
        patient=cast.peter_patient, clinician=cast.lise.clinician, actor=cast.lise, source="test"
    )
    response = qset.responses.get(instrument_id="startback")
    url = reverse("questionnaires:answer", args=[qset.public_id, response.public_id])

    client_for(cast.peter).post(url, {"item-1": "1", "action": "save"})

    response.refresh_from_db()
    assert response.wording == "STarT-dk test 2.0"


def test_a_wording_pack_without_every_item_is_refused_naming_the_item(cast, client_for):
    page = client_for(cast.anne).post(
        reverse("questionnaires:install_pack"), upload(WITHOUT_ITEM_9)
    )

    assert page.status_code == 400
    assert "Pakken kan ikke bruges: feltet “items.9”: missing text" in page.content.decode()
    assert not WordingPack.objects.exists()


def test_a_wording_pack_for_another_questionnaire_is_refused(cast, client_for):
    page = client_for(cast.anne).post(
        reverse("questionnaires:install_pack"), upload(STARTBACK_PACK, instrument="rmdq")
    )

    assert page.status_code == 400
    assert "Pakken kan ikke bruges: feltet “instrument”" in page.content.decode()
    assert not WordingPack.objects.exists()


def test_installing_without_a_file_is_refused(cast, client_for):
    page = client_for(cast.anne).post(
        reverse("questionnaires:install_pack"), {"instrument": "startback"}
    )

    assert page.status_code == 400
    assert page.context["pack_form"].errors["file"]
    assert not WordingPack.objects.exists()


def test_removing_a_wording_pack_brings_back_the_reference_text(cast, client_for):
    pack = installed_pack(cast)
    anne = client_for(cast.anne)

    removed = anne.post(reverse("questionnaires:remove_pack", args=[pack.pk]))

    assert removed["Location"] == reverse(SETTINGS)
    assert not WordingPack.objects.exists()
    settings = anne.get(removed["Location"]).content.decode()
    assert "Ordlydspakken er fjernet. Referenceteksten bruges igen." in settings
    body = peters_startback_page(cast, client_for).content.decode()
    assert "Mine rygsmerter har bredt sig ned i det ene eller begge ben." in body
    assert "Dansk version licenseret til testklinikken." not in body


def test_another_clinics_administrator_cannot_remove_the_pack(cast, client_for):
    pack = installed_pack(cast)
    vera = User.objects.create_user(
        email="vera@test.example", password=PASSWORD, full_name="Vera Vejle", language="da"
    )
    ClinicAdministrator.objects.create(user=vera, clinic=cast.vejle)
    url = reverse("questionnaires:remove_pack", args=[pack.pk])

    response = client_for(vera).post(url)

    assert response.status_code == 404
    assert WordingPack.objects.filter(pk=pack.pk).exists()
    refusal = AuditEvent.objects.filter(action=Action.REFUSED).get()
    assert (refusal.actor, refusal.target) == (vera, url)
    assert refusal.detail == {"reason": "not_own_wording_pack"}


def test_another_clinics_administrator_does_not_see_the_pack(cast, client_for):
    installed_pack(cast)
    vera = User.objects.create_user(
        email="vera@test.example", password=PASSWORD, full_name="Vera Vejle", language="da"
    )
    ClinicAdministrator.objects.create(user=vera, clinic=cast.vejle)

    page = client_for(vera).get(reverse(SETTINGS))

    assert list(page.context["packs"]) == []
    assert "STarT-dk test" not in page.content.decode()
