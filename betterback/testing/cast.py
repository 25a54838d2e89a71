"""The named cast that tests share: who owns, who shares, who is refused.

Odense clinic: Lise (physiotherapist) has Peter in care; Olav (GP) works there too but has no
patients; Anne administers the clinic. Vejle clinic: Karim (chiropractor) has Maja in care.
"""

from dataclasses import dataclass

from betterback.accounts.models import User
from betterback.clinics.models import Clinic, ClinicAdministrator, Clinician, Profession
from betterback.patients.models import CareRelationship, Patient

PASSWORD = "a-long-test-password-42"


@dataclass
class Cast:
    odense: Clinic
    vejle: Clinic
    lise: User
    olav: User
    karim: User
    anne: User
    peter: User
    maja: User
    staff: User

    @property
    def peter_patient(self) -> Patient:
        return self.peter.patient

    @property
    def maja_patient(self) -> Patient:
        return self.maja.patient


def _user(email, name, language="da", **extra) -> User:
    return User.objects.create_user(
        email=email, password=PASSWORD, full_name=name, language=language, **extra
    )


def _clinician(email, name, clinic, profession) -> User:
    user = _user(email, name)
    Clinician.objects.create(user=user, clinic=clinic, profession=profession)
    return user


def _patient(email, name, clinician_user) -> User:
    user = _user(email, name)
    patient = Patient.objects.create(user=user, full_name=name, email=email)
    clinician = clinician_user.clinician
    CareRelationship.objects.create(patient=patient, clinician=clinician, clinic=clinician.clinic)
    return user


def build_cast() -> Cast:
    odense = Clinic.objects.create(name="Rygklinikken Odense", city="Odense")
    vejle = Clinic.objects.create(name="Kiropraktorhuset Vejle", city="Vejle")
    lise = _clinician("lise@test.example", "Lise Holm", odense, Profession.PHYSIOTHERAPIST)
    olav = _clinician("olav@test.example", "Olav Berg", odense, Profession.GENERAL_PRACTITIONER)
    karim = _clinician("karim@test.example", "Karim Nasser", vejle, Profession.CHIROPRACTOR)
    anne = _user("anne@test.example", "Anne Dahl")
    ClinicAdministrator.objects.create(user=anne, clinic=odense)
    peter = _patient("peter@test.example", "Peter Jensen", lise)
    maja = _patient("maja@test.example", "Maja Sørensen", karim)
    staff = _user("staff@test.example", "Sam Staff", is_staff=True, is_superuser=True)
    return Cast(odense, vejle, lise, olav, karim, anne, peter, maja, staff)
