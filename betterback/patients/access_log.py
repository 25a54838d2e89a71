"""How "Who has looked at my data" words what an audit event touched: from its target's kind
(audit.targets) and, for a refusal, from the page that was refused. "your plan", "your material
“My goals”", "your overview" ... Used by the page, the PDF summary and the JSON download."""

from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from betterback.audit.models import Action
from betterback.audit.targets import Target, kind_of
from betterback.content.pack import pack

# What a refused page would have shown, by the page's name.
REFUSED_PAGES = {
    "front:patient_overview": Target.OVERVIEW,
    "patients:end_care": Target.CARE,
    "dialogue:material": Target.MATERIAL,
    "materials:clinician_print": Target.MATERIAL,
    "printing:clinician_material": Target.MATERIAL,
    "dialogue:patient_plan": Target.PLAN,
    "dialogue:patient_plan_print": Target.PLAN,
    "printing:clinician_plan": Target.PLAN,
    "dialogue:start": Target.SESSION,
    "dialogue:session": Target.SESSION,
    "dialogue:end": Target.SESSION,
    "dialogue:summary": Target.SESSION,
    "questionnaires:patient_results": Target.RESULTS,
    "questionnaires:response_detail": Target.QUESTIONNAIRE,
    "questionnaires:paper_choice": Target.QUESTIONNAIRE,
    "questionnaires:paper_entry": Target.QUESTIONNAIRE,
    "selfcare:patient_progress": Target.PROGRESS,
    "selfcare:grading": Target.GRADED_ACTIVITY,
    "safety:acknowledge": Target.ALERT,
    "exchange:patient_fhir": Target.FHIR_EXPORT,
    "training:reflect": Target.REFLECTION,
    "sharing:shared_plan": Target.SHARED_PLAN,
}


def what_was_touched(event) -> str:
    """The words for what ``event`` touched, in the active language."""
    if event.action == Action.REFUSED:
        kind, material_id = _refused_page(event.target)
    else:
        kind, material_id = kind_of(event.target), event.target.partition(":")[2]
    if kind is None:
        return _("your data")
    material = pack().get(material_id) if kind == Target.MATERIAL else None
    if material is None:
        return str(kind.label)
    if (event.detail or {}).get("linked_from"):
        # Its items were shown as choices to link to, on another material's page.
        return _("what you wrote in your material “%(title)s”, shown in another material") % {
            "title": material.title
        }
    return _("your material “%(title)s”") % {"title": material.title}


def _refused_page(path: str) -> tuple[Target | None, str]:
    try:
        match = resolve(path)
    except Resolver404:
        return None, ""
    return REFUSED_PAGES.get(match.view_name), match.kwargs.get("material_id", "")
