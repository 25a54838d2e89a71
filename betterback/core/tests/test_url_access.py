"""Who may open which page: every URL of the project against every member of the cast.

Each refusal writes a "refused" audit event; when the URL names Peter, the event is logged
against Peter so that it shows in his "Who has looked at my data".

The cast and the world are built once for the module (`module_db` in conftest.py): each of the
thousand cases runs in a savepoint that is rolled back, so what one case posts or logs is gone
before the next, and each case gets its own copies of the objects.
"""

import copy
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from betterback.audit.models import Action, AuditEvent
from betterback.audit.targets import kind_of
from betterback.content.pack import pack
from betterback.dialogue.models import DialogueSession
from betterback.materials.models import Context
from betterback.materials.services import save_entry
from betterback.patients.models import CareRelationship
from betterback.questionnaires import services as questionnaires
from betterback.questionnaires.models import DEFAULT_INTAKE, WordingPack
from betterback.sharing import services as sharing
from betterback.testing.factories import fill_what_matters, letter_invitation
from betterback.training import services as training

PETER_ACTIVITY = "Carry my grandson up the stairs"
PEOPLE = ["anonymous", "lise", "olav", "karim", "anne", "peter", "maja", "staff"]
MATERIAL = "what-matters"  # the material the table opens; every material is checked below


@dataclass(frozen=True)
class Page:
    view: str
    audience: str
    method: str = "get"
    names_peter: bool = False
    material: str = ""  # the material id in the URL, for the material pages
    session: bool = False  # the URL names Lise's dialogue session with Peter
    # The URL names one of Peter's questionnaire sets: "open" (his intake set, not yet answered)
    # or "answered" (a follow-up set he has sent).
    qset: str = ""
    response: bool = False  # the URL names one of Peter's questionnaire responses
    entry: str = ""  # the questionnaire in the URL, for the paper entry page
    wording_pack: bool = False  # the URL names a wording pack of Anne's clinic
    ok_status: int | None = None  # the status its audience gets, when not 200 (GET) / 302 (POST)
    args: tuple[str, ...] = ()  # more of the URL, as is: an action key of Peter's plan, say
    share: bool = False  # the URL names Peter's share, accepted by Lise
    alert: bool = False  # the URL names Peter's warning-sign alert
    # The audit event a visit by its audience writes: "<action> <target kind>" (audit.targets;
    # "-" for no target), or "none" for a page that shows or changes no one's data.
    event: str = ""


# Every protected page, and who it is for.
PAGES = [
    Page("front:patient_list", "clinicians", event="list patient_list"),
    Page("invitations:invite", "clinicians", event="none"),
    Page("front:patient_overview", "peters_clinician", names_peter=True, event="read overview"),
    Page(
        "dialogue:material",
        "peters_clinician",
        names_peter=True,
        material=MATERIAL,
        event="read material",
    ),
    Page(
        "materials:clinician_print",
        "peters_clinician",
        names_peter=True,
        material=MATERIAL,
        event="print material",
    ),
    Page("patients:end_care", "peters_clinician", names_peter=True, event="read care_relationship"),
    Page("invitations:detail", "inviting_clinician", event="read invitation"),
    Page("invitations:renew", "inviting_clinician", method="post", event="invite invitation"),
    Page("front:patient_home", "patients", event="read overview"),
    Page("patients:access_log", "patients", event="read access_log"),
    Page("materials:patient_material", "patients", material=MATERIAL, event="read material"),
    Page("materials:patient_print", "patients", material=MATERIAL, event="print material"),
    Page("front:admin_overview", "clinic_admins", event="none"),
    Page("dialogue:start", "peters_clinician", method="post", names_peter=True, event="none"),
    Page(
        "dialogue:session", "peters_clinician", names_peter=True, session=True, event="read session"
    ),
    Page(
        "dialogue:end",
        "peters_clinician",
        method="post",
        names_peter=True,
        session=True,
        event="update session",
    ),
    Page("dialogue:summary", "peters_clinician", names_peter=True, session=True, event="read plan"),
    Page("dialogue:patient_plan", "peters_clinician", names_peter=True, event="read plan"),
    Page("dialogue:patient_plan_print", "peters_clinician", names_peter=True, event="read plan"),
    Page("dialogue:my_plan", "patients", event="read plan"),
    Page("dialogue:my_plan_print", "patients", event="read plan"),
    Page("questionnaires:mine", "patients", event="read qset"),
    Page("questionnaires:my_results", "patients", event="read results"),
    # Going on in a set redirects to the first questionnaire not yet sent.
    Page("questionnaires:continue", "peters_set", qset="open", ok_status=302, event="read qset"),
    Page(
        "questionnaires:answer",
        "peters_set",
        qset="open",
        response=True,
        event="read questionnaire",
    ),
    Page("questionnaires:done", "peters_set", qset="answered", event="read qset"),
    Page("front:follow_up", "clinicians", event="list follow_up_list"),
    Page(
        "questionnaires:patient_results", "peters_clinician", names_peter=True, event="read results"
    ),
    Page(
        "questionnaires:response_detail",
        "peters_clinician",
        names_peter=True,
        response=True,
        event="read questionnaire",
    ),
    Page(
        "questionnaires:paper_choice",
        "peters_clinician",
        names_peter=True,
        event="read questionnaire",
    ),
    Page(
        "questionnaires:paper_entry",
        "peters_clinician",
        names_peter=True,
        entry="rmdq",
        event="read questionnaire",
    ),
    Page("questionnaires:clinic_settings", "clinic_admins", event="none"),
    Page(
        "safety:acknowledge", "peters_clinician", names_peter=True, alert=True, event="read alert"
    ),
    # The table posts no choice: the clinician gets the form back with its error.
    Page(
        "safety:acknowledge",
        "peters_clinician",
        method="post",
        names_peter=True,
        alert=True,
        ok_status=400,
        event="read alert",
    ),
    Page("safety:clinic_settings", "clinic_admins", event="none"),
    # The table posts no file: the administrator gets the form back with its error.
    Page(
        "questionnaires:install_pack", "clinic_admins", method="post", ok_status=400, event="none"
    ),
    Page(
        "questionnaires:remove_pack",
        "clinic_admins",
        method="post",
        wording_pack=True,
        event="update wording_pack",
    ),
    Page("selfcare:check_in", "patients", event="read plan"),
    Page("selfcare:goal_review", "patients", event="read goal_review"),
    Page("selfcare:flare_up", "patients", event="read flare"),
    Page("selfcare:flare_start", "patients", method="post", event="create flare"),
    Page("selfcare:flare_end", "patients", method="post", event="none"),
    # The table posts no note: the patient gets the form back with its error.
    Page("selfcare:flare_note", "patients", method="post", ok_status=400, event="none"),
    Page("selfcare:my_progress", "patients", event="read progress"),
    Page("selfcare:reminders", "patients", event="read reminders"),
    # Act1 is in Peter's action plan only: Maja has no such action to grade.
    Page("selfcare:my_grading", "peters_action", args=("act1",), event="read graded_activity"),
    # The table posts a form, not the JSON a device sends: the device is told what to send.
    Page("selfcare:sync", "patients", method="post", ok_status=400, event="none"),
    Page("selfcare:patient_progress", "peters_clinician", names_peter=True, event="read progress"),
    Page(
        "selfcare:grading",
        "peters_clinician",
        names_peter=True,
        args=("act1",),
        event="read graded_activity",
    ),
    Page("learn:library", "patients", event="read learn"),
    Page("learn:material", "patients", args=(MATERIAL,), event="read learn"),
    Page("exchange:patient_fhir", "peters_clinician", names_peter=True, event="export fhir_export"),
    Page("rights:my_data", "patients", event="none"),
    Page("rights:json", "patients", event="read my_data"),
    Page("rights:pdf", "patients", event="print my_data"),
    Page("rights:fhir", "patients", event="read my_data"),
    Page("rights:delete", "patients", event="read self_management_data"),
    # The table posts no confirmation: the patient gets the form back with its error.
    Page(
        "rights:delete", "patients", method="post", ok_status=400, event="read self_management_data"
    ),
    Page(
        "printing:clinician_material",
        "peters_clinician",
        names_peter=True,
        material=MATERIAL,
        event="print material",
    ),
    Page("printing:clinician_plan", "peters_clinician", names_peter=True, event="print plan"),
    Page("printing:blank_material", "clinicians", material=MATERIAL, event="none"),
    Page("printing:questionnaire", "clinicians", entry="rmdq", event="none"),
    Page("printing:patient_material", "patients", material=MATERIAL, event="print material"),
    Page("printing:patient_plan", "patients", event="print plan"),
    Page("sharing:mine", "patients", event="read shares"),
    # The table posts no recipient or period: the patient gets the form back with its errors.
    Page("sharing:create", "patients", method="post", ok_status=400, event="read shares"),
    Page("sharing:revoke", "peters_share_owner", share=True, event="read share"),
    Page("sharing:shared_list", "clinicians", event="list shared_list"),
    Page("sharing:shared_plan", "peters_share", share=True, event="read shared_plan"),
    Page("training:overview", "clinicians", event="none"),
    Page("training:module", "clinicians", args=("approach",), event="none"),
    Page("training:module", "clinicians", method="post", args=("approach",), event="none"),
    # Not done yet: the clinician is sent back to the module.
    Page("training:module_done", "clinicians", args=("approach",), ok_status=302, event="none"),
    Page("training:question", "clinicians", args=("approach", "ten-points"), event="none"),
    Page("training:case", "clinicians", args=("worried-first-episode",), event="none"),
    Page(
        "training:case", "clinicians", method="post", args=("worried-first-episode",), event="none"
    ),
    # A step before the case is started sends the clinician to the case's start.
    Page(
        "training:step",
        "clinicians",
        args=("worried-first-episode", "first-material"),
        ok_status=302,
        event="none",
    ),  # fmt: skip
    # Not finished: the clinician is sent to the course with a message.
    Page("printing:certificate", "clinicians", ok_status=302, event="none"),
    Page("training:reflections", "clinicians", event="read reflections"),
    Page(
        "training:reflect",
        "peters_clinician",
        names_peter=True,
        session=True,
        event="read reflection",
    ),
    # The table posts no reflection: the clinician gets the form back with its error.
    Page(
        "training:reflect",
        "peters_clinician",
        method="post",
        names_peter=True,
        session=True,
        ok_status=200,
        event="read reflection",
    ),  # fmt: skip
    Page("training:clinic_progress", "clinic_admins", event="none"),
]

# Pages anyone may open; none of them refuses anybody.
PUBLIC = [
    Page("front:start", "everyone", event="none"),
    Page("accounts:set_language", "everyone", method="post", event="none"),
    Page("accounts:login", "everyone", event="none"),
    Page("accounts:logout", "everyone", method="post", event="logout -"),
    Page("invitations:accept", "everyone", event="none"),
    Page("sharing:accept", "everyone", event="none"),
    # The patient app's manifest and service worker hold no patient data.
    Page("selfcare:manifest", "everyone", event="none"),
    Page("selfcare:service_worker", "everyone", event="none"),
]

ALLOWED = {
    "clinicians": {"lise", "olav", "karim"},
    "peters_clinician": {"lise"},
    "inviting_clinician": {"lise"},
    "patients": {"peter", "maja"},
    "clinic_admins": {"anne"},
    "peters_set": {"peter"},
    "peters_action": {"peter"},
    "peters_share_owner": {"peter"},
    "peters_share": {"lise"},
}
# Clinicians who are not the right clinician get "not found": the page does not even admit
# that the patient or the invitation exists.
NOT_FOUND = {
    "peters_clinician": {"olav", "karim"},
    "inviting_clinician": {"olav", "karim"},
    # Another patient is told Peter's set does not exist. A set id is not a patient id, so the
    # refusal names no patient.
    "peters_set": {"maja"},
    "peters_share_owner": {"maja"},
    "peters_share": {"olav", "karim"},
}
# Pages that name something the person simply does not have: "not found", and no refusal, since
# nothing of anyone else's was asked for. Maja's plan has no action "act1".
MISSING = {"peters_action": {"maja"}}


def expected_outcome(page: Page, who: str) -> str:
    if who == "anonymous":
        return "login"
    if who in ALLOWED[page.audience]:
        return "ok"
    if who in NOT_FOUND.get(page.audience, set()):
        return "not_found"
    if who in MISSING.get(page.audience, set()):
        return "missing"
    return "forbidden"


@pytest.fixture
def cast(db, module_cast):
    return copy.deepcopy(module_cast)


@pytest.fixture
def world(db, module_world):
    return copy.deepcopy(module_world)


@pytest.fixture(scope="module")
def module_world(module_db, module_cast):
    with module_db():
        return build_world(module_cast)


def build_world(cast):
    """Peter has filled in "What matters to me"; Lise has an open letter invitation. Peter has
    his intake set waiting, and has answered his first follow-up set (his back pain only). Anne's
    clinic has a wording pack installed. Peter's action plan has one action, act1. Peter has
    answered "yes" to an urgent warning sign in his intake, which raised an alert. Lise has
    written a reflection on her session with him."""
    fill_what_matters(cast.peter_patient, actor=cast.lise, text=PETER_ACTIVITY)
    save_entry(
        patient=cast.peter_patient,
        material_id="action-plan",
        data={"actions": [{"key": "act1", "what": "Walk the dog", "how_much": "20 minutes"}]},
        based_on_version=0,
        actor=cast.lise,
        source="test",
        context=Context.CONSULTATION,
    )
    invitation, token = letter_invitation(cast.lise)
    session = DialogueSession.objects.create(
        patient=cast.peter_patient, clinician=cast.lise.clinician, material_ids=[MATERIAL]
    )
    peter, lise = cast.peter_patient, cast.lise.clinician
    intake = questionnaires.send_intake(
        patient=peter, clinician=lise, actor=cast.peter, source="test"
    )
    questionnaires.save_schedule(
        clinic=cast.odense,
        intake=DEFAULT_INTAKE,
        follow_up=["nrs:back"],
        weeks=[4],
        actor=cast.anne,
        source="test",
    )
    [answered] = questionnaires.schedule_follow_ups(
        patient=peter,
        clinician=lise,
        start=timezone.now() - timedelta(weeks=5),
        actor=cast.lise,
        source="test",
    )
    sent = questionnaires.save_answers(
        response=answered.responses.get(),
        raw={"1": "6"},
        actor=cast.peter,
        source="test",
        submit=True,
    )
    # Not a usable pack: no page of the table shows FABQ in English, so nothing reads it.
    wording_pack = WordingPack.objects.create(
        clinic=cast.odense,
        instrument_id="fabq",
        language="en",
        name="FABQ test pack",
        version="1",
        source_text="# never read",
        installed_by=cast.anne,
    )
    _, accepted_token, _ = sharing.create_share(
        patient=peter, recipient="Lise", period="1m", actor=cast.peter, source="test"
    )
    share = sharing.accept_share(secret=accepted_token, clinician=lise, source="test")
    _, share_token, _ = sharing.create_share(
        patient=peter, recipient="Dr. Hansen", period="1w", actor=cast.peter, source="test"
    )
    screen = intake.responses.get(instrument_id="redflags")
    questionnaires.save_answers(response=screen, raw={"1": "1"}, actor=cast.peter, source="test")
    training.reflect(
        session=session,
        clinician=lise,
        went_well="He named what matters",
        try_next="Ask sooner",
        actor=cast.lise,
        source="test",
    )
    return {
        "alert": peter.alerts.get(),
        "share": share,
        "share_token": share_token,
        "invitation": invitation,
        "token": token,
        "session": session,
        "sets": {"open": intake, "answered": answered},
        "responses": {"open": intake.responses.first(), "answered": sent.response},
        "wording_pack": wording_pack,
    }


def url_of(view: str, cast, world, material: str = "") -> str:
    page = next((page for page in PAGES if page.view == view), None)
    if view in ("invitations:detail", "invitations:renew"):
        return reverse(view, args=[world["invitation"].pk])
    if view == "invitations:accept":
        return reverse(view, args=[world["token"]])
    if view == "sharing:accept":
        return reverse(view, args=[world["share_token"]])
    args = [cast.peter_patient.public_id] if page and page.names_peter else []
    if page and page.material:
        args.append(material or page.material)
    if page and page.session:
        args.append(world["session"].pk)
    if page and page.qset:
        args.append(world["sets"][page.qset].public_id)
    if page and page.response:
        # The patient answers an open response; the clinician sees a sent one.
        args.append(world["responses"][page.qset or "answered"].public_id)
    if page and page.entry:
        args.append(page.entry)
    if page and page.wording_pack:
        args.append(world["wording_pack"].pk)
    if page and page.share:
        args.append(world["share"].public_id)
    if page and page.alert:
        args.append(world["alert"].public_id)
    if page:
        args.extend(page.args)
    return reverse(view, args=args)


def user_of(cast, who):
    return None if who == "anonymous" else getattr(cast, who)


def open_page(client, page: Page, url: str):
    if page.method == "post":
        return client.post(url, {"language": "da", "next": "/"})
    return client.get(url)


def project_view_names() -> set[str]:
    """Every URL of the project by view name (unnamed ones by route), except the admin's."""

    def walk(patterns, namespace, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if route.startswith("admin/"):
                continue
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, pattern.namespace or namespace, route)
            elif pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name
            else:
                yield route

    return set(walk(get_resolver().url_patterns, None, ""))


def new_events(before_id):
    return list(AuditEvent.objects.filter(id__gt=before_id).order_by("id"))


def last_event_id():
    return AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0


def test_every_url_of_the_project_is_in_the_access_table():
    assert project_view_names() == {p.view for p in PAGES + PUBLIC}


def test_every_page_declares_its_audit_event():
    assert [p.view for p in PAGES + PUBLIC if not p.event] == []


# Events about a clinic, not a patient; and logging in and out.
NO_PATIENT = {"wording_pack", "questionnaire_schedule", "clinic_safety_settings", "-"}


def visitor(page: Page) -> str:
    """Who opens the page for its event: Lise or Peter where they may, since the world is theirs."""
    allowed = ALLOWED.get(page.audience, {"lise"})
    return next(who for who in ("lise", "peter", "anne", "olav") if who in allowed)


@pytest.mark.parametrize(
    "page", PAGES + PUBLIC, ids=[f"{page.view}-{page.method}" for page in PAGES + PUBLIC]
)
def test_each_page_writes_its_audit_event(cast, world, client_for, page):
    """Every look at patient data is logged: a visit by the page's audience writes the event
    the table declares, about the patient whose data it is."""
    who = visitor(page)
    before = last_event_id()

    open_page(client_for(user_of(cast, who)), page, url_of(page.view, cast, world))

    written = [e for e in new_events(before) if e.action != Action.REFUSED]
    if page.event == "none":
        assert written == []
        return
    action, kind = page.event.split()
    matching = [e for e in written if e.action == action and (kind_of(e.target) or "-") == kind]
    assert matching, f"{page.view} wrote {[(e.action, e.target) for e in written]}"
    for event in matching:
        assert event.actor == user_of(cast, who)
        if kind not in NO_PATIENT:
            assert event.patient is not None
            invited = page.view.startswith("invitations:")
            assert event.patient == (world["invitation"].patient if invited else cast.peter_patient)


@pytest.mark.parametrize(
    ("page", "who"),
    [(page, who) for page in PAGES for who in PEOPLE],
    ids=[f"{page.view}-{who}" for page in PAGES for who in PEOPLE],
)
def test_each_page_lets_in_only_its_audience(cast, world, client_for, page, who):
    user = user_of(cast, who)
    url = url_of(page.view, cast, world)
    before = last_event_id()

    response = open_page(client_for(user), page, url)

    assert_outcome(cast, page, who, user, url, before, response)


def assert_outcome(cast, page, who, user, url, before, response):
    outcome = expected_outcome(page, who)
    body = response.content.decode(errors="replace")
    refusals = [e for e in new_events(before) if e.action == Action.REFUSED]
    if outcome == "ok":
        ok_status = page.ok_status or (302 if page.method == "post" else 200)
        assert response.status_code == ok_status
        assert refusals == []
    elif outcome == "missing":
        assert response.status_code == 404
        assert refusals == []
    else:
        status = {"login": 302, "forbidden": 403, "not_found": 404}[outcome]
        assert response.status_code == status
        if outcome == "login":
            assert response["Location"] == f"/login/?next={quote(url)}"
        assert len(refusals) == 1
        event = refusals[0]
        assert event.actor_id == (user.pk if user else None)
        # A refused shared plan is logged on the patient who shared it.
        names_peter = page.names_peter or (
            page.audience == "peters_share" and outcome == "not_found"
        )
        assert event.patient == (cast.peter_patient if names_peter else None)
        assert event.source == f"view:{page.view}"
        # The event keeps the first 100 characters of the path: enough for both ids in the
        # longest URL (a patient and one of their responses).
        assert event.target == url[:100]
    if who not in ("lise", "peter"):
        assert PETER_ACTIVITY not in body
        assert "Peter Jensen" not in body


# The PDFs of every material are rendered by the printing app's own tests; making them again here
# for everyone would only cost time.
MATERIAL_PAGES = [page for page in PAGES if page.material and not page.view.startswith("printing:")]


@pytest.mark.parametrize("material", list(pack()))
@pytest.mark.parametrize("page", MATERIAL_PAGES, ids=[page.view for page in MATERIAL_PAGES])
@pytest.mark.parametrize("who", ["anonymous", "lise", "olav", "peter", "maja", "anne"])
def test_the_pages_of_every_material_let_in_only_their_audience(
    cast, world, client_for, material, page, who
):
    user = user_of(cast, who)
    url = url_of(page.view, cast, world, material)
    before = last_event_id()

    response = open_page(client_for(user), page, url)

    assert_outcome(cast, page, who, user, url, before, response)


@pytest.mark.parametrize(
    "view",
    [
        "front:patient_overview",
        "dialogue:material",
        "materials:clinician_print",
        "questionnaires:patient_results",
        "questionnaires:paper_choice",
        "selfcare:patient_progress",
    ],
)
def test_peters_own_clinician_sees_his_pages(cast, world, client_for, view):
    response = client_for(cast.lise).get(url_of(view, cast, world))

    assert response.status_code == 200
    assert "Peter Jensen" in response.content.decode(errors="replace")


@pytest.mark.parametrize("view", ["materials:patient_material", "materials:patient_print"])
def test_each_patient_sees_only_their_own_worksheet(cast, world, client_for, view):
    own = client_for(cast.peter).get(url_of(view, cast, world)).content.decode()
    other = client_for(cast.maja).get(url_of(view, cast, world)).content.decode()

    assert PETER_ACTIVITY in own
    assert PETER_ACTIVITY not in other
    assert "Maja Sørensen" in other


@pytest.mark.parametrize(
    ("page", "who"),
    [(page, who) for page in PUBLIC for who in PEOPLE],
    ids=[f"{page.view}-{who}" for page in PUBLIC for who in PEOPLE],
)
def test_public_pages_open_for_everyone_and_refuse_nobody(cast, world, client_for, page, who):
    before = last_event_id()

    response = open_page(client_for(user_of(cast, who)), page, url_of(page.view, cast, world))

    assert response.status_code in (200, 302)
    assert not [e for e in new_events(before) if e.action == Action.REFUSED]
    assert PETER_ACTIVITY not in response.content.decode(errors="replace")


@pytest.mark.parametrize(
    "view",
    [
        "front:patient_overview",
        "dialogue:material",
        "materials:clinician_print",
        "questionnaires:patient_results",
        "questionnaires:paper_choice",
        "selfcare:patient_progress",
        "selfcare:grading",
    ],
)
def test_it_refuses_a_clinician_whose_care_relationship_has_ended(cast, world, client_for, view):
    CareRelationship.objects.filter(patient=cast.peter_patient, clinician__user=cast.lise).update(
        ended_at=timezone.now()
    )
    before = last_event_id()

    response = client_for(cast.lise).get(url_of(view, cast, world))

    assert response.status_code == 404
    assert PETER_ACTIVITY not in response.content.decode(errors="replace")
    [event] = new_events(before)
    assert event.action == Action.REFUSED
    assert event.actor == cast.lise
    assert event.patient == cast.peter_patient
    assert event.detail == {"reason": "no_active_care_relationship"}


def test_it_refuses_a_patient_id_that_does_not_exist_without_naming_a_patient(cast, client_for):
    before = last_event_id()

    response = client_for(cast.lise).get(
        reverse("front:patient_overview", args=["00000000-0000-0000-0000-000000000000"])
    )

    assert response.status_code == 404
    [event] = new_events(before)
    assert (event.action, event.patient) == (Action.REFUSED, None)


@pytest.mark.parametrize(
    ("who", "refused"),
    [("lise", True), ("peter", True), ("anne", True), ("anonymous", True), ("staff", False)],
)
def test_the_django_admin_is_only_for_staff(cast, client_for, who, refused):
    client = client_for(user_of(cast, who))

    response = client.get("/admin/")

    if refused:
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
        # The admin's own login form is not used: staff log in through the app's login.
        assert client.get(response["Location"])["Location"] == "/login/?next=/admin/"
    else:
        assert response.status_code == 200
