"""One patient's data as a FHIR R4 Bundle of type "collection".

    patient_bundle(patient)   read, map, link and validate; the caller records the audit event
                              (services.export_bundle does, for the clinician's download and the
                              `betterback export-fhir` command)

collect() is the only part that reads the database, in a fixed number of queries; assemble() is
pure, so the golden bundle is built from unsaved rows. Every entry's fullUrl is urn:uuid:<id>
when the resource id is a UUID, and a name-based UUID of "<type>/<id>" otherwise (the
questionnaires' own ids); references between entries are rewritten to those fullUrls.
"""

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone, translation

from betterback.exchange.fhir.care_plan import care_plan, care_plan_id, flare_up_plan
from betterback.exchange.fhir.checks import validate_bundle
from betterback.exchange.fhir.common import language_of, name_uuid
from betterback.exchange.fhir.goal import goal
from betterback.exchange.fhir.observation import check_in_observations
from betterback.exchange.fhir.organization import organization
from betterback.exchange.fhir.patient import patient as patient_resource
from betterback.exchange.fhir.practitioner import practitioner
from betterback.exchange.fhir.practitioner_role import practitioner_role
from betterback.exchange.fhir.questionnaire import questionnaire
from betterback.exchange.fhir.questionnaire_response import questionnaire_response
from betterback.exchange.fhir.score_observation import score_observations
from betterback.patients.models import CareRelationship
from betterback.plan import reader
from betterback.questionnaires.definitions import definition_of
from betterback.questionnaires.models import Response
from betterback.selfcare.models import CheckIn


@dataclass
class Record:
    """Everything the bundle holds, read: related rows are loaded, so mapping makes no query."""

    patient: object
    relationships: list = field(default_factory=list)  # active CareRelationships, oldest first
    responses: list = field(default_factory=list)  # submitted Responses, in the order answered
    check_ins: list = field(default_factory=list)  # oldest first
    plan: reader.Plan | None = None  # read in the patient's language


def patient_bundle(patient, *, at: datetime | None = None) -> dict:
    """The patient's FHIR Bundle, validated (a ValueError names what is wrong)."""
    bundle = assemble(collect(patient), at or timezone.now())
    validate_bundle(bundle)
    return bundle


def dumps(bundle: dict) -> str:
    return json.dumps(bundle, ensure_ascii=False, indent=2) + "\n"


def collect(patient) -> Record:
    with translation.override(language_of(patient)):
        plan = reader.read(patient)
    return Record(
        patient=patient,
        relationships=list(
            CareRelationship.objects.active()
            .filter(patient=patient)
            .select_related("clinician__user", "clinic")
            .order_by("started_at", "id")
        ),
        responses=list(
            Response.objects.filter(patient=patient, submitted_at__isnull=False)
            .select_related("patient")
            .order_by("submitted_at", "id")
        ),
        check_ins=list(CheckIn.objects.filter(patient=patient).order_by("made_at", "id")),
        plan=plan,
    )


def assemble(record: Record, at: datetime) -> dict:
    patient, language = record.patient, language_of(record.patient)
    clinicians = _unique([r.clinician for r in record.relationships])
    resources = [patient_resource(patient)]
    resources += [organization(c) for c in _unique([r.clinic for r in record.relationships])]
    resources += [practitioner(c, language) for c in clinicians]
    resources += _unique_ids(
        practitioner_role(r.clinician, r.clinic, language) for r in record.relationships
    )
    resources += _questionnaires(record.responses, language)
    for response in record.responses:
        definition = definition_of(response)
        resources.append(questionnaire_response(response, definition, language))
        resources += score_observations(response, definition)
    for check_in in record.check_ins:
        resources += check_in_observations(check_in, patient)
    resources += _plan(record, clinicians, language)
    return {
        "resourceType": "Bundle",
        "id": name_uuid("Bundle", patient.public_id, at.isoformat()),
        "type": "collection",
        "timestamp": at.isoformat(),
        "entry": _link(resources),
    }


def _questionnaires(responses, language: str) -> list[dict]:
    """The definition of each instrument (and variant) answered, once, sorted by id."""
    forms = {
        (r.instrument_id, r.instrument_version, r.variant): questionnaire(
            definition_of(r), language, r.variant
        )
        for r in responses
    }
    return sorted(forms.values(), key=lambda form: form["id"])


def _plan(record: Record, clinicians, language: str) -> list[dict]:
    patient, plan = record.patient, record.plan
    if plan is None:
        return []
    resources = [goal(item, patient, language) for item in plan.goals]
    my_plan = None
    if plan.goals or plan.actions:
        resources.append(care_plan(patient, plan.actions, plan.goals, clinicians, language))
        my_plan = care_plan_id(patient, "my-plan")
    if plan.flare_plan:
        flare = flare_up_plan(patient, plan.flare_plan, clinicians, language, part_of=my_plan)
        if flare.get("activity"):
            resources.append(flare)
    return resources


def _link(resources: list[dict]) -> list[dict]:
    """Bundle entries with a urn:uuid fullUrl each, and every "Type/id" reference between them
    rewritten to the target's fullUrl."""
    urls = {f"{r['resourceType']}/{r['id']}": _full_url(r) for r in resources}

    def rewrite(node):
        if isinstance(node, list):
            return [rewrite(child) for child in node]
        if not isinstance(node, dict):
            return node
        result = {key: rewrite(child) for key, child in node.items()}
        if isinstance(node.get("reference"), str) and node["reference"] in urls:
            result["reference"] = urls[node["reference"]]
        return result

    return [
        {"fullUrl": urls[f"{r['resourceType']}/{r['id']}"], "resource": rewrite(r)}
        for r in resources
    ]


def _full_url(resource: dict) -> str:
    try:
        return f"urn:uuid:{uuid.UUID(resource['id'])}"
    except ValueError:
        return f"urn:uuid:{name_uuid(resource['resourceType'], resource['id'])}"


def _unique(items: list) -> list:
    return list({item.pk: item for item in items}.values())


def _unique_ids(resources) -> list[dict]:
    return list({r["id"]: r for r in resources}.values())
