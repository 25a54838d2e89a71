"""The demo data that `make run` loads and `betterback demo` reloads.

Idempotent: accounts are created or reset, never duplicated. Worksheet content is written
through the materials service, so the reset shows in each entry's history and audit log like any
other change.
"""

from django.conf import settings
from django.db import transaction

from betterback.accounts.models import User
from betterback.clinics.models import Clinic, ClinicAdministrator, Clinician, Profession
from betterback.materials import services as materials
from betterback.materials import what_matters
from betterback.materials.models import Context, WorksheetEntry
from betterback.patients.models import CareRelationship, Patient

SOURCE = "command:demo"

# Peter's answers, as he gave them in Danish: (activity, life area, pain stops it now, rank).
PETER_LIFE_AREAS = ["family", "physical_activity", "work"]
PETER_ACTIVITIES = [
    ("Lege med mine børnebørn på gulvet", "family", True, 1),
    ("Gå lange ture med hunden", "physical_activity", True, 2),
    ("Arbejde fulde dage som tømrer", "work", False, 3),
    ("Spille petanque med klubben", "leisure", True, None),
]


def _user(email, full_name, language="da"):
    user, _ = User.objects.get_or_create(email=email, defaults={"full_name": full_name})
    user.full_name = full_name
    user.language = language
    user.is_demo = True
    user.is_active = True
    user.set_password(settings.BETTERBACK_DEMO_PASSWORD)
    user.save()
    return user


def _clinician(email, name, clinic, profession):
    user = _user(email, name)
    clinician, _ = Clinician.objects.update_or_create(
        user=user, defaults={"clinic": clinic, "profession": profession}
    )
    return clinician


def _patient(email, name, clinician):
    user = _user(email, name)
    patient, _ = Patient.objects.update_or_create(
        email=email, defaults={"full_name": name, "user": user}
    )
    if not CareRelationship.objects.active().filter(patient=patient, clinician=clinician).exists():
        CareRelationship.objects.create(
            patient=patient, clinician=clinician, clinic=clinician.clinic
        )
    return patient


def _set_what_matters(patient, data, actor):
    entry = WorksheetEntry.objects.filter(
        patient=patient, material_id=what_matters.MATERIAL_ID
    ).first()
    materials.save_entry(
        patient=patient,
        material_id=what_matters.MATERIAL_ID,
        data=data,
        based_on_version=entry.version if entry else 0,
        actor=actor,
        source=SOURCE,
        context=Context.SYSTEM,
    )


def peter_data() -> dict:
    return {
        "life_areas": PETER_LIFE_AREAS,
        "activities": [
            {
                "key": f"demo{i}",
                "text": text,
                "area": area,
                "stopped_by_pain": stopped,
                "rank": rank,
            }
            for i, (text, area, stopped, rank) in enumerate(PETER_ACTIVITIES, start=1)
        ],
    }


def demo_exists() -> bool:
    return User.objects.filter(email="lise@demo.example").exists()


@transaction.atomic
def load_demo() -> None:
    odense, _ = Clinic.objects.get_or_create(
        name="Rygklinikken Odense", defaults={"city": "Odense"}
    )
    vejle, _ = Clinic.objects.get_or_create(
        name="Kiropraktorhuset Vejle", defaults={"city": "Vejle"}
    )
    lise = _clinician("lise@demo.example", "Lise Holm", odense, Profession.PHYSIOTHERAPIST)
    karim = _clinician("karim@demo.example", "Karim Nasser", vejle, Profession.CHIROPRACTOR)
    admin = _user("admin@demo.example", "Anne Dahl")
    ClinicAdministrator.objects.update_or_create(user=admin, defaults={"clinic": odense})
    peter = _patient("peter@demo.example", "Peter Jensen", lise)
    maja = _patient("maja@demo.example", "Maja Sørensen", karim)
    _set_what_matters(peter, peter_data(), lise.user)
    _set_what_matters(maja, what_matters.empty(), karim.user)
