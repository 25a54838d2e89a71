"""The overview of one patient: the clinician's page about Peter, and Peter's own home page."""

import html
import re

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from betterback.content.pack import pack
from betterback.materials.models import Context
from betterback.patients.models import CareRelationship
from betterback.testing.factories import save_what_matters


def overview(cast):
    return reverse("front:patient_overview", args=[cast.peter_patient.public_id])


def test_the_clinician_sees_each_material_and_that_none_is_filled_in(cast, client_for):
    response = client_for(cast.lise).get(overview(cast))

    rows = response.context["material_rows"]
    assert [(row["material"].id, row["entry"]) for row in rows] == [
        (material_id, None) for material_id in pack()
    ]
    body = response.content.decode()
    with translation.override("da"):
        assert body.count(gettext("Not filled in yet.")) == len(pack())
    for material_id in pack():
        assert (
            reverse("dialogue:material", args=[cast.peter_patient.public_id, material_id]) in body
        )


def test_the_clinician_sees_who_changed_a_material_last(cast, client_for):
    save_what_matters(
        cast.peter_patient, {"life_areas": ["work"]}, actor=cast.peter, context=Context.HOME
    )

    response = client_for(cast.lise).get(overview(cast))

    changed = [row for row in response.context["material_rows"] if row["entry"]]
    assert [(row["material"].id, row["entry"].updated_by) for row in changed] == [
        ("what-matters", cast.peter)
    ]
    body = html.unescape(response.content.decode())
    with translation.override("da"):
        assert body.count(gettext("Not filled in yet.")) == len(pack()) - 1
        before, after = gettext("Last changed %(when)s by %(who)s.").split("%(when)s")
    assert re.search(re.escape(before) + ".+" + re.escape(after % {"who": "Peter Jensen"}), body)


def test_the_patient_home_lists_only_active_clinicians(cast, client_for):
    karim_care = CareRelationship.objects.create(
        patient=cast.peter_patient,
        clinician=cast.karim.clinician,
        clinic=cast.vejle,
        ended_at=timezone.now(),
    )

    response = client_for(cast.peter).get(reverse("front:patient_home"))

    assert [r.clinician.user for r in response.context["clinicians"]] == [cast.lise]
    body = response.content.decode()
    assert "Lise Holm" in body and "Karim Nasser" not in body
    assert karim_care.pk  # the ended relationship exists but is not shown
    for material_id in pack():
        assert reverse("materials:patient_material", args=[material_id]) in body
    assert reverse("patients:access_log") in body


def test_the_patient_home_says_so_when_no_clinician_is_left(cast, client_for):
    CareRelationship.objects.update(ended_at=timezone.now())

    response = client_for(cast.peter).get(reverse("front:patient_home"))

    assert list(response.context["clinicians"]) == []
    with translation.override("da"):
        assert gettext("You are not in the care of a clinician right now.") in (
            response.content.decode()
        )


def test_the_overview_of_a_patient_who_has_not_accepted_says_so(cast, client_for):
    from betterback.patients.models import Patient

    invited = Patient.objects.create(full_name="Nora Lund", email="nora@test.example")
    CareRelationship.objects.create(
        patient=invited, clinician=cast.lise.clinician, clinic=cast.odense
    )

    response = client_for(cast.lise).get(
        reverse("front:patient_overview", args=[invited.public_id])
    )

    assert response.status_code == 200
    with translation.override("da"):
        assert gettext("The patient has not accepted the invitation yet.") in (
            response.content.decode()
        )
