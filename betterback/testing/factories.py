"""Small builders for the set-up that many tests share: a saved "What matters to me", an
invitation, a small content pack, and what a browser posts back for a worksheet. The first two go
through the services, as the app does, so the revisions and audit events they leave behind are
the real ones (with source "test"). A test passes what its assertions rely on; the defaults fill
in the rest.
"""

from pathlib import Path

from django import forms
from django.test import RequestFactory

from betterback.invitations.models import Invitation
from betterback.invitations.services import invite_patient
from betterback.materials.models import Context, WorksheetEntry
from betterback.materials.services import save_entry

WHAT_MATTERS = "what-matters"


def save_what_matters(
    patient, data: dict, *, actor, context=Context.CONSULTATION
) -> WorksheetEntry:
    """Save `data` as the patient's next version of "What matters to me", as `actor`."""
    current = (
        WorksheetEntry.objects.filter(patient=patient, material_id=WHAT_MATTERS)
        .values_list("version", flat=True)
        .first()
    )
    return save_entry(
        patient=patient,
        material_id=WHAT_MATTERS,
        data=data,
        based_on_version=current or 0,
        actor=actor,
        source="test",
        context=context,
    )


def fill_what_matters(
    patient,
    *,
    actor,
    text: str,
    area="family",
    rank=1,
    stopped_by_pain=True,
    context=Context.CONSULTATION,
) -> WorksheetEntry:
    """The patient's "What matters to me" with one activity, `text`, in one life area, `area`."""
    activity = {
        "key": "k1",
        "text": text,
        "area": area,
        "stopped_by_pain": stopped_by_pain,
        "rank": rank,
    }
    data = {"life_areas": [area], "activities": [activity]}
    return save_what_matters(patient, data, actor=actor, context=context)


def letter_invitation(
    clinician_user,
    *,
    name="Nora Lund",
    email="nora@test.example",
    delivery="letter",
    language="da",
) -> tuple[Invitation, str]:
    """`clinician_user` invites a patient; returns the invitation and its link's token. A letter
    by default; with delivery="email" the email is sent (to Django's test outbox) with links on
    http://testserver/. The invited person is Nora Lund, nora@test.example, unless named: tests
    that only check she has no account yet rely on that, so keep these defaults."""
    request = None if delivery == "letter" else RequestFactory().get("/")
    return invite_patient(
        request,
        clinician=clinician_user.clinician,
        full_name=name,
        email=email,
        delivery=delivery,
        language=language,
        source="test",
    )


MATERIAL_TOML = """
id = "{id}"
number = {number}
version = "1.0.0"
phase = "plan"
audience = ["patient", "clinician"]
in_plan = true
title = {{ da = "Titel {id}", en = "Title {id}" }}
summary = {{ da = "Kort.", en = "Short." }}
intro = {{ da = "Indledning.", en = "Introduction." }}
sources = [{{ id = "source", citation = "A source." }}]
illustrations = [
  {{ id = "dot", file = "dot.svg", alt = {{ da = "En prik.", en = "A dot." }} }},
]

{fields}
"""
DOT_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    '<circle cx="5" cy="5" r="4"/></svg>'
)


DEFAULT_PACK = Path(__file__).resolve().parent.parent / "content" / "pack"


def small_pack(folder, materials: dict[str, str], *, beside_default: bool = False):
    """A content pack in `folder` with one material per entry of `materials` (material id ->
    its [[fields]] as TOML), loaded by the real loader. Everything but the fields is filler; the
    warning-sign texts are the default pack's. Alone, it is a part of a pack (it plays none of
    the roles the code needs); `beside_default` adds the materials to a copy of the default pack,
    so that the app can run on it."""
    import shutil

    from betterback.content.loader import load_pack

    if beside_default:
        shutil.copytree(DEFAULT_PACK, folder, dirs_exist_ok=True)
    else:
        shutil.copy(DEFAULT_PACK / "safety.toml", folder / "safety.toml")
    first = 100 if beside_default else 1
    for number, (material_id, fields) in enumerate(materials.items(), start=first):
        path = folder / material_id / "material.toml"
        path.parent.mkdir(parents=True)
        path.write_text(
            MATERIAL_TOML.format(id=material_id, number=number, fields=fields), encoding="utf-8"
        )
        (path.parent / "dot.svg").write_text(DOT_SVG, encoding="utf-8")
    loaded = load_pack(folder, whole=beside_default)
    return {material_id: loaded[material_id] for material_id in materials}


def posted_back(sheet) -> dict:
    """What a browser posts for a worksheet (betterback.materials.builder.Worksheet) as it is
    shown: every field that is not disabled, with its value as the page shows it, and the
    management form of each list. Unticked checkboxes are left out, as browsers do."""
    data = {}

    def add(form):
        for bound in form:
            if bound.field.disabled:
                continue
            value = bound.value()
            if isinstance(bound.field, forms.BooleanField):
                if value:
                    data[bound.html_name] = "on"
            elif isinstance(bound.field, forms.MultipleChoiceField):
                data[bound.html_name] = [str(v) for v in value or []]
            else:
                data[bound.html_name] = "" if value is None else str(value)

    add(sheet.main)
    for formset in sheet.lists.values():
        add(formset.management_form)
        for row in formset.forms:
            add(row)
    return data


def give_peter_the_demo_plan(cast, context=Context.SYSTEM):
    """Peter's answers as in the demo: "What matters to me" and the materials of his plan, each
    saved once by Lise."""
    from betterback.demo.data import worksheets

    for material_id, data in worksheets("peter").items():
        save_entry(
            patient=cast.peter_patient,
            material_id=material_id,
            data=data,
            based_on_version=0,
            actor=cast.lise,
            source="test",
            context=context,
        )
