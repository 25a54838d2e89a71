"""The named audit events: each is recorded only through audit.events, carries what matters about
it (the versions of a save, the score of a questionnaire), names a target the access log can
word, and is listed in the generated catalogue docs/audit.md."""

import ast
from pathlib import Path

from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from betterback.audit import catalogue
from betterback.audit.models import Action, AuditEvent
from betterback.audit.targets import Target, kind_of, target
from betterback.materials import services as materials
from betterback.materials.models import Context as Where
from betterback.questionnaires import services as questionnaires
from betterback.testing.factories import fill_what_matters

APP = Path(__file__).resolve().parents[2]
AUDIT_SERVICES = "betterback.audit.services"


def test_only_the_audit_app_writes_audit_events():
    """record() and record_many() are called from audit.events alone."""
    callers = []
    for path in sorted(APP.rglob("*.py")):
        parts = path.relative_to(APP).parts
        if parts[0] in ("audit", "testing") or "tests" in parts or "migrations" in parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node, "func", None)
            called = getattr(name, "id", None) or getattr(name, "attr", None)
            if isinstance(node, ast.Call) and called in ("record", "record_many"):
                callers.append(f"{path.relative_to(APP)}:{node.lineno}")
            imported = isinstance(node, ast.ImportFrom) and node.module == AUDIT_SERVICES
            if imported and {"record", "record_many"} & {alias.name for alias in node.names}:
                callers.append(f"{path.relative_to(APP)}:{node.lineno} (import)")

    assert callers == []


def test_a_save_keeps_the_version_before_and_after(cast):
    fill_what_matters(cast.peter_patient, actor=cast.lise, text="Walk")
    entry = fill_what_matters(
        cast.peter_patient, actor=cast.peter, text="Walk the dog", context=Where.HOME
    )

    saved = AuditEvent.objects.filter(target="material:what-matters").order_by("id")
    assert [(e.action, e.detail["before"], e.detail["version"]) for e in saved] == [
        (Action.CREATE, 0, 1),
        (Action.UPDATE, 1, 2),
    ]
    assert entry.version == 2 and saved.last().detail["context"] == "home"


def test_a_questionnaire_sent_in_is_recorded_with_its_score(cast):
    qset = questionnaires.send_intake(
        patient=cast.peter_patient, clinician=cast.lise.clinician, actor=cast.peter, source="t"
    )
    response = qset.responses.get(instrument_id="rmdq")

    questionnaires.save_answers(
        response=response,
        raw={str(n): "1" if n <= 5 else "0" for n in range(1, 25)},
        actor=cast.peter,
        source="t",
        submit=True,
    )

    event = AuditEvent.objects.filter(target="questionnaire:rmdq").latest("id")
    response.refresh_from_db()
    assert response.total == 5
    assert event.detail == {
        "submitted": True,
        "total": 5,
        **({"band": response.band} if response.band else {}),
    }


def test_every_target_kind_has_words_for_the_patient_in_danish_and_english():
    for kind in Target:
        with translation.override("da"):
            danish = str(kind.label)
        with translation.override("en"):
            english = str(kind.label)
        assert danish and english
        assert danish != english, kind


def test_a_stored_target_gives_its_kind():
    assert kind_of(target(Target.MATERIAL, "what-matters")) == Target.MATERIAL
    assert kind_of("session:12") == Target.SESSION
    assert kind_of("notice:check_in") == Target.CHECK_IN_REMINDER
    assert kind_of("notice:reminder") == Target.NOTICE
    assert kind_of("/clinic/patients/x/") is None


def words(event) -> str:
    page = Template("{% load access_log %}{{ event|what_was_touched }}")
    with translation.override("en"):
        return page.render(Context({"event": event}))


def test_the_access_log_words_each_event_from_its_target():
    assert words(AuditEvent(action=Action.READ, target="plan")) == "your plan"
    assert words(AuditEvent(action=Action.READ, target="material:my-goals")) == (
        "your material “My goals”"
    )
    assert words(AuditEvent(action=Action.READ, target="material:gone")) == "your material"
    assert words(AuditEvent(action=Action.READ, target="something_new")) == "your data"


def test_a_refusal_is_worded_from_the_page_that_was_refused(cast):
    peter = cast.peter_patient.public_id
    overview = reverse("front:patient_overview", args=[peter])
    goals = reverse("dialogue:material", args=[peter, "my-goals"])

    assert words(AuditEvent(action=Action.REFUSED, target=overview)) == "your overview"
    assert words(AuditEvent(action=Action.REFUSED, target=goals)) == "your material “My goals”"
    assert words(AuditEvent(action=Action.REFUSED, target="/no/such/page/")) == "your data"


def test_a_material_read_for_its_links_says_it_was_shown_in_another_material():
    event = AuditEvent(
        action=Action.READ, target="material:what-matters", detail={"linked_from": "my-goals"}
    )

    assert words(event) == (
        "what you wrote in your material “What matters to me”, shown in another material"
    )


def test_a_fhir_export_reads_as_downloaded_and_an_acknowledged_alert_as_followed_up():
    with translation.override("da"):
        assert str(Action.EXPORT.label) == "hentede"
        assert str(Action.ACKNOWLEDGE.label) == "fulgte op på"


def test_the_catalogue_in_docs_is_the_one_the_code_makes():
    assert catalogue.DOC.read_text(encoding="utf-8") == catalogue.markdown(), (
        "run `betterback audit-catalogue`"
    )


def test_a_save_at_home_keeps_the_clinician_only_answers(cast):
    flare = "flare-up-plan"
    materials.save_entry(
        patient=cast.peter_patient,
        material_id=flare,
        data={"early_signs": "Stiff", "warning_signs_reviewed": ["talked_through"]},
        based_on_version=0,
        actor=cast.lise,
        source="t",
        context=Where.CONSULTATION,
    )

    entry = materials.save_entry(
        patient=cast.peter_patient,
        material_id=flare,
        data={"early_signs": "Stiff in the morning", "warning_signs_reviewed": []},
        based_on_version=1,
        actor=cast.peter,
        source="t",
        context=Where.HOME,
    )

    assert entry.data == {
        "early_signs": "Stiff in the morning",
        "warning_signs_reviewed": ["talked_through"],
    }
