"""The PDFs people print: every material blank (for paper) or filled in for a patient, My plan,
and each questionnaire as a paper form that a clinician enters later.

A PDF with patient data is an audited read: it records a "print" event with the patient, as the
print pages do. Blank materials and questionnaire forms hold no patient data and record nothing.
"""

from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from betterback.audit import events
from betterback.content.model import Material
from betterback.content.pack import pack
from betterback.dialogue.services import last_ended
from betterback.materials import display
from betterback.materials import services as materials
from betterback.patients.models import CareRelationship
from betterback.plan import reader
from betterback.printing.pdf import render_pdf
from betterback.questionnaires.definitions import Instrument, NoPaperForm, instruments, paper_form
from betterback.questionnaires.services import wording_for
from betterback.questionnaires.wording import Question, questions
from betterback.training import services as training
from betterback.training.course import course

PLAN = "plan"


class NotPrintable(LookupError):
    """No such material or questionnaire to print."""


@dataclass(frozen=True)
class Printed:
    content: bytes
    filename: str


@dataclass(frozen=True)
class PaperQuestion:
    number: int
    question: Question
    heading: str = ""  # the variant's name, when one form asks every variant (pain: back, leg)


def material(material_id: str) -> Material:
    try:
        return pack()[material_id]
    except KeyError:
        raise NotPrintable(material_id) from None


def questionnaire(entry: str) -> tuple[Instrument, str]:
    """The instrument and variant of the paper form named by ``rmdq`` or ``nrs:back``."""
    try:
        return paper_form(entry)
    except NoPaperForm:
        raise NotPrintable(entry) from None


def printable_questionnaires() -> list[str]:
    """Every questionnaire with a paper form, as ``questionnaire()`` takes it."""
    entries = []
    for definition in instruments().values():
        if definition.kind != "open":
            entries += [definition.id, *(f"{definition.id}:{v.id}" for v in definition.variants)]
    return entries


def clinic_of(patient):
    """The clinic of the patient's most recent active care relationship, if any."""
    relationship = (
        CareRelationship.objects.active()
        .filter(patient=patient)
        .select_related("clinic")
        .order_by("-started_at")
        .first()
    )
    return relationship.clinic if relationship else None


def _name(clinic) -> str:
    return clinic.name if clinic else ""


def _filename(*parts: str, language: str, large: bool) -> str:
    return "-".join(["betterback", *parts, language, *(["large"] if large else [])]) + ".pdf"


def _content_version(*versions: str) -> str:
    """The footer's content version: for clinicians' prints only (an internal note to patients)."""
    return _("Content version %(version)s") % {"version": ", ".join(sorted(set(versions)))}


def blank_material(
    definition: Material, *, clinic, language: str, large: bool, show_version: bool = True
) -> Printed:
    with translation.override(language):
        content = render_pdf(
            "printing/material.html",
            {"material": definition, "patient": None},
            language=language,
            large=large,
            title=str(definition.title),
            clinic=_name(clinic),
            version=_content_version(definition.version) if show_version else "",
        )
    return Printed(content, _filename(definition.id, "blank", language=language, large=large))


def filled_material(
    *,
    patient,
    definition: Material,
    actor,
    source: str,
    clinic,
    language: str,
    large: bool,
    show_version: bool = True,
) -> Printed:
    entry = materials.read_entry(
        patient=patient, material_id=definition.id, actor=actor, source=source, printing=True
    )
    links = materials.linked_items(patient=patient, material=definition, actor=actor, source=source)
    labels = {target: dict(items) for target, items in links.items()}
    with translation.override(language):
        content = render_pdf(
            "printing/material.html",
            {
                "material": definition,
                "patient": patient,
                "entry": entry,  # a chart marks the patient's own column from the saved answers
                "answers": display.answers(definition, entry.data, labels),
            },
            language=language,
            large=large,
            title=f"{definition.title} – {patient.full_name}",
            clinic=_name(clinic),
            version=_content_version(definition.version) if show_version else "",
        )
    today = timezone.localdate().isoformat()
    return Printed(content, _filename(definition.id, today, language=language, large=large))


def plan(
    *, patient, actor, source: str, clinic, language: str, large: bool, show_version: bool = True
) -> Printed:
    with translation.override(language):
        # Printing is the one event: the plan is compiled without a separate "read".
        events.plan_printed(patient=patient, actor=actor, source=source)
        compiled = reader.read(patient)
        content = render_pdf(
            "printing/plan.html",
            {"patient": patient, "plan": compiled, "session": last_ended(patient)},
            language=language,
            large=large,
            title=f"{_('My plan')} – {patient.full_name}",
            clinic=_name(clinic),
            version=(_content_version(*compiled.versions) if show_version else ""),
        )
    today = timezone.localdate().isoformat()
    return Printed(content, _filename("my-plan", today, language=language, large=large))


def paper_questions(definition: Instrument, wording, variant: str) -> list[PaperQuestion]:
    """The questions in order; a form for an instrument with variants and none chosen asks each
    variant in turn under its name."""
    # Variants that only change the one question (pain in the back, in the leg) are asked in turn;
    # an instrument whose variants leave out items (warning signs at follow-up) asks all of them.
    if variant or not definition.variants or len(definition.items) > 1:
        return [
            PaperQuestion(number, question)
            for number, question in enumerate(questions(definition, wording, variant), start=1)
        ]
    result = []
    for each in definition.variants:
        for index, question in enumerate(questions(definition, wording, each.id)):
            heading = str(each.name) if index == 0 else ""
            result.append(PaperQuestion(len(result) + 1, question, heading))
    return result


def questionnaire_form(
    definition: Instrument, variant: str, *, clinic, language: str, large: bool
) -> Printed:
    """A blank paper form in the clinic's wording (its licensed pack, or our reference text)."""
    wording = wording_for(definition, clinic, language)
    with translation.override(language):
        name = str(definition.variant(variant).name if variant else definition.name)
        content = render_pdf(
            "printing/questionnaire.html",
            {
                "name": name,
                "definition": definition,
                "wording": wording,
                "complete": wording.available(definition),
                "questions": paper_questions(definition, wording, variant),
            },
            language=language,
            large=large,
            title=name,
            clinic=_name(clinic),
            # The patient fills this in: the name, not the definition's version (an internal note).
            version=str(definition.short_name),
        )
    parts = ["questionnaire", definition.id, *([variant] if variant else [])]
    return Printed(content, _filename(*parts, language=language, large=large))


def certificate(clinician, *, language: str) -> Printed:
    """The clinician's course certificate (issued on the first download). NotComplete (from the
    training app) while a module or case is not done. No patient data, so no audit event."""
    issued = training.certificate_for(clinician)
    with translation.override(language):
        content = render_pdf(
            "printing/certificate.html",
            {"course": course(), "certificate": issued, "clinician": clinician},
            language=language,
            title=_("Course certificate"),
            clinic=clinician.clinic.name,
            version=_("Course version %(version)s") % {"version": issued.course_version},
        )
    return Printed(content, f"betterback-certificate-{language}.pdf")
