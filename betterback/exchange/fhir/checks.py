"""Our checks beyond the FHIR schema, for every resource the export writes.

fhir.resources (R4B) parses the structure but checks neither code bindings nor invariants nor
what a Reference points at: it takes a CarePlan with status "ongoing" or a Goal with
lifecycleStatus "doing". So for each resource type we list the code elements we write with their
required value sets, and check the invariants that apply to what we write.

    check(resource), validate(resource)              one resource
    check_bundle(bundle), validate_bundle(bundle)    a Bundle and every entry in it
"""

import importlib
import re
import uuid

from betterback.exchange.fhir.common import CATEGORY, codings
from betterback.exchange.fhir.patient import PATIENT_ID
from betterback.exchange.fhir.practitioner import PROFESSION

ACTIVITY_STATUSES = {
    "not-started", "scheduled", "in-progress", "on-hold", "completed", "cancelled", "stopped",
    "unknown", "entered-in-error",
}  # fmt: skip
TELECOM = {"phone", "fax", "email", "pager", "url", "sms", "other"}
# (element path, the codes its binding requires, whether it must be there) per resource type.
CODES = {
    "Questionnaire": [("status", {"draft", "active", "retired", "unknown"}, True)],
    "QuestionnaireResponse": [
        ("status", {"in-progress", "completed", "amended", "entered-in-error", "stopped"}, True),
    ],
    "Observation": [("status", {"registered", "preliminary", "final", "amended"}, True)],
    "Patient": [("telecom.system", TELECOM, False)],
    "Practitioner": [],
    "PractitionerRole": [],
    "Organization": [],
    "Goal": [
        ("lifecycleStatus", {"proposed", "planned", "accepted", "active", "on-hold", "completed",
                             "cancelled", "entered-in-error", "rejected"}, True),
    ],
    "CarePlan": [
        ("status", {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error",
                    "unknown"}, True),
        ("intent", {"proposal", "plan", "order", "option"}, True),
        ("activity.detail.status", ACTIVITY_STATUSES, False),
    ],
}  # fmt: skip
BUNDLE_TYPES = {
    "document", "message", "transaction", "transaction-response", "batch", "batch-response",
    "history", "searchset", "collection",
}  # fmt: skip
PROFESSIONS = {"physiotherapist", "chiropractor", "general_practitioner"}
# What each Reference we write may point at (R4), checked once the bundle has linked them.
TARGETS = {
    "QuestionnaireResponse.subject": None,  # any resource
    "Observation.subject": {"Patient", "Group", "Device", "Location"},
    "Observation.derivedFrom": {"DocumentReference", "ImagingStudy", "Media",
                                "QuestionnaireResponse", "Observation", "MolecularSequence"},
    "PractitionerRole.practitioner": {"Practitioner"},
    "PractitionerRole.organization": {"Organization"},
    "Goal.subject": {"Patient", "Group", "Organization"},
    "Goal.expressedBy": {"Patient", "Practitioner", "PractitionerRole", "RelatedPerson"},
    "CarePlan.subject": {"Patient", "Group"},
    "CarePlan.author": {"Patient", "Practitioner", "PractitionerRole", "Device", "RelatedPerson",
                        "Organization", "CareTeam"},
    "CarePlan.contributor": {"Patient", "Practitioner", "PractitionerRole", "Device",
                             "RelatedPerson", "Organization", "CareTeam"},
    "CarePlan.careTeam": {"CareTeam"},
    "CarePlan.goal": {"Goal"},
    "CarePlan.partOf": {"CarePlan"},
    "CarePlan.activity.detail.goal": {"Goal"},
}  # fmt: skip
FHIR_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")
# Where a resource keeps a list of Codings under "code" rather than CodeableConcepts.
CODING_LISTS = {"Questionnaire": ("coding", "code")}


def check(resource: dict) -> list[str]:
    """The problems with one resource; an empty list means none."""
    kind = resource.get("resourceType")
    if kind not in CODES:
        return [f"resourceType: {kind!r} is not exported"]
    problems = []
    if "id" in resource and not FHIR_ID.fullmatch(str(resource["id"])):
        problems.append(f"id: {resource['id']!r} is not a FHIR id")
    for path, allowed, required in CODES[kind]:
        found = list(_values(resource, path))
        if required and not found:
            problems.append(f"{path}: missing")
        problems += [
            f"{path}: {value!r} is not one of {sorted(allowed)}"
            for value in found
            if value not in allowed
        ]
    problems += RULES.get(kind, lambda _: [])(resource)
    for path, found in codings(resource, lists=CODING_LISTS.get(kind, ("coding",))):
        missing = [key for key in ("system", "code") if not found.get(key)]
        problems += [f"{path}: coding without a {key}" for key in missing]
    return problems


def validate(resource: dict):
    """The fhir.resources R4B model, then check(). Returns the model; raises ValueError naming every
    problem."""
    kind = resource.get("resourceType", "")
    model = _parse(resource)
    problems = check(resource)
    if problems:
        raise ValueError(f"{kind}: " + "; ".join(problems))
    return model


def check_bundle(bundle: dict) -> list[str]:
    """The bundle's own problems and every entry's: type, fullUrls (unique urn:uuid), each
    resource's check(), and that every reference finds an entry of a type it may point at."""
    problems = []
    if bundle.get("type") not in BUNDLE_TYPES:
        problems.append(f"type: {bundle.get('type')!r} is not one of {sorted(BUNDLE_TYPES)}")
    entries = bundle.get("entry", [])
    kinds = {}
    for index, entry in enumerate(entries):
        url = entry.get("fullUrl", "")
        if not _is_urn_uuid(url):
            problems.append(f"entry[{index}].fullUrl: {url!r} is not a urn:uuid")
        elif url in kinds:
            problems.append(f"entry[{index}].fullUrl: {url} is used twice")
        kinds[url] = entry.get("resource", {}).get("resourceType")
    for index, entry in enumerate(entries):
        resource = entry.get("resource", {})
        kind = resource.get("resourceType")
        where = f"entry[{index}] {kind}"
        problems += [f"{where}: {problem}" for problem in check(resource)]
        for path, target in _references(resource, kind):
            allowed = TARGETS.get(path, set())
            if target not in kinds:
                problems.append(f"{where}: {path} {target!r} is not in the bundle")
            elif path not in TARGETS:
                problems.append(f"{where}: {path} is not a reference we know")
            elif allowed is not None and kinds[target] not in allowed:
                problems.append(f"{where}: {path} may not point at a {kinds[target]}")
    return problems


def validate_bundle(bundle: dict):
    """The Bundle model (which parses every entry's resource too), then check_bundle()."""
    model = _parse(bundle)
    problems = check_bundle(bundle)
    if problems:
        raise ValueError("Bundle: " + "; ".join(problems))
    return model


def _goal(resource: dict) -> list[str]:
    # gol-1: a target with a detail also names its measure.
    return [
        f"target[{n}]: a detail needs a measure (gol-1)"
        for n, target in enumerate(resource.get("target", []))
        if any(key.startswith("detail") for key in target) and "measure" not in target
    ]


def _care_plan(resource: dict) -> list[str]:
    # cpl-3: an activity gives a reference or a detail, not both; a detail has a status.
    problems = []
    for n, activity in enumerate(resource.get("activity", [])):
        if ("reference" in activity) == ("detail" in activity):
            problems.append(f"activity[{n}]: give a reference or a detail (cpl-3)")
        if "detail" in activity and "status" not in activity["detail"]:
            problems.append(f"activity[{n}].detail.status: missing")
    return problems


def _observation(resource: dict) -> list[str]:
    # Every Observation we write is a survey answer with at least one code from a named system.
    problems = []
    categories = [c for concept in resource.get("category", []) for c in concept.get("coding", [])]
    if not any(c.get("system") == CATEGORY and c.get("code") == "survey" for c in categories):
        problems.append("category: the survey category is missing")
    if not any(c.get("system") for c in resource.get("code", {}).get("coding", [])):
        problems.append("code: no coding with a system")
    return problems


def _patient(resource: dict) -> list[str]:
    systems = [i.get("system") for i in resource.get("identifier", [])]
    return [] if PATIENT_ID in systems else [f"identifier: none in {PATIENT_ID}"]


def _practitioner(resource: dict) -> list[str]:
    codes = [
        c.get("code")
        for q in resource.get("qualification", [])
        for c in q.get("code", {}).get("coding", [])
        if c.get("system") == PROFESSION
    ]
    if not codes:
        return [f"qualification: no profession in {PROFESSION}"]
    wrong = [code for code in codes if code not in PROFESSIONS]
    return [f"qualification: {code!r} is not one of {sorted(PROFESSIONS)}" for code in wrong]


RULES = {
    "Observation": _observation,
    "Goal": _goal,
    "CarePlan": _care_plan,
    "Patient": _patient,
    "Practitioner": _practitioner,
}


def _parse(resource: dict):
    name = resource.get("resourceType", "")
    try:
        module = importlib.import_module(f"fhir.resources.R4B.{name.lower()}")
        return getattr(module, name).model_validate(resource)
    except (ImportError, AttributeError, ValueError) as error:  # pydantic's errors are ValueErrors
        raise ValueError(f"{name or 'resource'}: {error}") from error


def _values(node, path: str):
    """The values at a dotted path, through lists."""
    if isinstance(node, list):
        for child in node:
            yield from _values(child, path)
        return
    if not isinstance(node, dict):
        return
    head, _, rest = path.partition(".")
    if head not in node:
        return
    if rest:
        yield from _values(node[head], rest)
    elif isinstance(node[head], list):
        yield from node[head]
    else:
        yield node[head]


def _references(node, path: str):
    """(path without list indexes, reference) for every Reference in a resource."""
    if isinstance(node, list):
        for child in node:
            yield from _references(child, path)
    elif isinstance(node, dict):
        if isinstance(node.get("reference"), str):
            yield path, node["reference"]
        for key, child in node.items():
            if isinstance(child, dict | list):
                yield from _references(child, f"{path}.{key}")


def _is_urn_uuid(url: str) -> bool:
    if not url.startswith("urn:uuid:"):
        return False
    try:
        uuid.UUID(url.removeprefix("urn:uuid:"))
    except ValueError:
        return False
    return url == url.lower()
