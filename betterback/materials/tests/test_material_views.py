"""The material pages of every material of the pack, for the clinician and for the patient:
opening, filling in, printing, unknown materials, clinician-only fields and linked materials."""

import html

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

from betterback.audit.models import Action, AuditEvent
from betterback.content.pack import pack
from betterback.materials import services
from betterback.materials.models import Context, WorksheetEntry
from betterback.materials.tests.conftest import SHEET
from betterback.testing.factories import fill_what_matters, posted_back, small_pack

MATERIAL_IDS = list(pack())
FLARE_UP = "flare-up-plan"
REVIEWED = "warning_signs_reviewed"  # clinician-only in flare-up-plan
VIEWS = {
    # (who, view, query string)
    "clinician": ("lise", "dialogue:material", ""),
    "clinician presenting": ("lise", "dialogue:material", "?mode=present"),
    "clinician printing": ("lise", "materials:clinician_print", ""),
    "patient": ("peter", "materials:patient_material", ""),
    "patient printing": ("peter", "materials:patient_print", ""),
}


def url(cast, view: str, material_id: str) -> str:
    if view.startswith("materials:clinician") or view == "dialogue:material":
        return reverse(view, args=[cast.peter_patient.public_id, material_id])
    return reverse(view, args=[material_id])


def page_url(cast, who: str, material_id: str) -> str:
    view = "dialogue:material" if who == "lise" else "materials:patient_material"
    return url(cast, view, material_id)


def print_url(cast, who: str, material_id: str) -> str:
    view = "materials:clinician_print" if who == "lise" else "materials:patient_print"
    return url(cast, view, material_id)


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def last_event_id() -> int:
    return AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0


def entry_of(cast, material_id):
    return WorksheetEntry.objects.filter(
        patient=cast.peter_patient, material_id=material_id
    ).first()


def test_the_default_pack_has_twelve_materials():
    assert len(MATERIAL_IDS) == 12
    assert "what-matters" in MATERIAL_IDS and "my-goals" in MATERIAL_IDS


@pytest.mark.parametrize("material_id", MATERIAL_IDS)
@pytest.mark.parametrize(("who", "view", "query"), VIEWS.values(), ids=VIEWS.keys())
def test_every_material_opens_for_peters_clinician_and_for_peter(
    cast, client_for, material_id, who, view, query
):
    definition = pack()[material_id]

    response = client_for(getattr(cast, who)).get(url(cast, view, material_id) + query)

    assert response.status_code == 200
    assert response.context["material"] == definition
    text = text_of(response)
    with translation.override("da"):
        assert str(definition.title) in text
    if view.endswith("_print"):
        assert response.context["answers"] is not None
        assert "Peter Jensen" in text
    else:
        assert response.context["present"] is (query == "?mode=present")
        assert set(response.context["sheet"].lists) == {
            field.id for field in definition.fields if field.type == "list"
        }


def _answer(name: str, field: forms.Field):
    """A valid answer for one form field, as a browser posts it; None to leave it as it is."""
    if field.disabled or name in ("key", "DELETE", "version", "draft") or "__" in name:
        return None
    if isinstance(field, forms.BooleanField):
        return "on"
    choices = [str(value) for value, _ in getattr(field, "choices", []) if value != ""]
    if isinstance(field, forms.MultipleChoiceField):
        return choices[:1]
    if isinstance(field, forms.ChoiceField):
        return choices[0] if choices else ""
    if isinstance(field, forms.DateField):
        return "2026-03-02"
    return f"Svar {name}"[: int(field.widget.attrs.get("maxlength", 200))]


def filled_in(sheet) -> dict:
    """What the page posts with an answer in every field the person may change and in the first
    row of every list."""
    data = posted_back(sheet)
    rows = [formset.forms[0] for formset in sheet.lists.values()]
    for form in (sheet.main, *rows):
        for name, field in form.fields.items():
            answer = _answer(name, field)
            if answer is not None:
                data[form.add_prefix(name)] = answer
    return data


@pytest.mark.parametrize("material_id", MATERIAL_IDS)
@pytest.mark.parametrize("who", ["lise", "peter"])
def test_every_material_can_be_filled_in_saved_and_printed(cast, client_for, material_id, who):
    client = client_for(getattr(cast, who))
    data = filled_in(client.get(page_url(cast, who, material_id)).context["sheet"])

    response = client.post(page_url(cast, who, material_id), data)

    assert response.status_code == 302, [
        form.errors or getattr(form, "non_form_errors", list)()
        for form in response.context["sheet"].forms
    ]
    entry = entry_of(cast, material_id)
    assert entry.version == 1
    assert entry.updated_by == getattr(cast, who)
    typed = [value for value in data.values() if isinstance(value, str) and "Svar " in value]
    assert typed  # every material has at least one text to write
    for printed in (
        client.get(page_url(cast, who, material_id)),
        client.get(print_url(cast, who, material_id)),
    ):
        text = text_of(printed)
        assert [answer for answer in typed if answer not in text] == []


@pytest.mark.parametrize("material_id", ["no-such-material", "What-Matters", "what-matters-2"])
@pytest.mark.parametrize(("who", "view", "query"), VIEWS.values(), ids=VIEWS.keys())
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_material_is_not_found(cast, client_for, material_id, who, view, query, method):
    client = client_for(getattr(cast, who))

    response = getattr(client, method)(url(cast, view, material_id) + query)

    assert response.status_code == (405 if method == "post" and view.endswith("_print") else 404)
    assert not AuditEvent.objects.filter(target=f"material:{material_id}").exists()
    assert not WorksheetEntry.objects.exists()


def test_errors_in_two_lists_are_listed_in_one_error_summary(cast, client_for):
    peter = client_for(cast.peter)
    url = page_url(cast, "peter", "action-plan")
    data = posted_back(peter.get(url).context["sheet"])
    data["actions-0-when"] = "Monday"  # no "what"
    data["toolbox-0-when_to_use"] = "In the evening"  # no "strategy"

    response = peter.post(url, data)

    assert response.status_code == 200
    assert not entry_of(cast, "action-plan")
    assert response.content.decode().count('id="error-summary"') == 1


def test_an_items_name_is_printed_once(cast, client_for):
    peter = client_for(cast.peter)
    url = page_url(cast, "peter", FLARE_UP)
    data = posted_back(peter.get(url).context["sheet"])
    data["lessons-0-date"] = "2026-03-02"
    data["lessons-0-before"] = "Lifted a heavy box"
    assert peter.post(url, data).status_code == 302

    text = text_of(peter.get(print_url(cast, "peter", FLARE_UP)))

    assert text.count("Lifted a heavy box") == 1


# flare-up-plan: the clinician ticks off that the warning signs were talked through.


def test_the_warning_signs_box_is_clinician_only_in_the_pack():
    assert pack()[FLARE_UP].field(REVIEWED).clinician_only


@pytest.mark.parametrize(("ticked", "forged"), [(["talked_through"], []), ([], ["talked_through"])])
def test_a_patients_post_cannot_change_a_clinician_only_field(cast, client_for, ticked, forged):
    lise, peter = client_for(cast.lise), client_for(cast.peter)
    lise_data = posted_back(lise.get(page_url(cast, "lise", FLARE_UP)).context["sheet"])
    lise_data[REVIEWED] = ticked
    assert lise.post(page_url(cast, "lise", FLARE_UP), lise_data).status_code == 302
    page = peter.get(page_url(cast, "peter", FLARE_UP))
    assert page.context["sheet"].main.fields[REVIEWED].disabled
    data = posted_back(page.context["sheet"])
    assert REVIEWED not in data  # a disabled field is not posted ...
    data[REVIEWED] = forged  # ... but a forged post can carry it
    data["early_signs"] = "Stiff in the morning"

    response = peter.post(page_url(cast, "peter", FLARE_UP), data)

    assert response.status_code == 302
    entry = entry_of(cast, FLARE_UP)
    assert entry.version == 2
    assert entry.updated_by == cast.peter
    assert entry.data["early_signs"] == "Stiff in the morning"
    assert entry.data[REVIEWED] == ticked


def test_the_clinician_can_change_a_clinician_only_field(cast, client_for):
    lise = client_for(cast.lise)
    for ticked in (["talked_through"], []):
        data = posted_back(lise.get(page_url(cast, "lise", FLARE_UP)).context["sheet"])
        data[REVIEWED] = ticked

        assert lise.post(page_url(cast, "lise", FLARE_UP), data).status_code == 302

        assert entry_of(cast, FLARE_UP).data[REVIEWED] == ticked


def test_the_patient_sees_a_clinician_only_box_as_disabled(cast, client_for):
    page = client_for(cast.peter).get(page_url(cast, "peter", FLARE_UP))

    body = page.content.decode()
    start = body.index(f'name="{REVIEWED}"')
    tag = body[body.rindex("<input", 0, start) : body.index(">", start)]
    assert "disabled" in tag


@pytest.fixture
def small_pack_in_use(settings, tmp_path):
    """The app runs on the default pack plus the small pack's "sheet" for this test."""
    sheets = small_pack(tmp_path, {"sheet": SHEET}, beside_default=True)
    settings.BETTERBACK_CONTENT_PACK = str(tmp_path)
    pack.cache_clear()
    yield sheets
    pack.cache_clear()


SHEET_SAVED = {
    "staff_note": "Check again in May",
    "items": [
        {"key": "k1", "text": "Walk", "approved": True},
        {"key": "k2", "text": "Swim", "approved": False},
    ],
    "orders": [{"key": "o1", "text": "Rest a day"}],
}


def save_sheet(cast, data):
    services.save_entry(
        patient=cast.peter_patient,
        material_id="sheet",
        data=data,
        based_on_version=0,
        actor=cast.lise,
        source="test",
        context=Context.CONSULTATION,
    )


def test_a_patient_cannot_delete_an_item_of_a_clinician_only_list(
    cast, client_for, small_pack_in_use
):
    save_sheet(cast, SHEET_SAVED)
    peter = client_for(cast.peter)
    data = posted_back(peter.get(page_url(cast, "peter", "sheet")).context["sheet"])
    data["orders-0-DELETE"] = "on"
    data["staff_note"] = "Forged"
    data["name"] = "Peter"

    response = peter.post(page_url(cast, "peter", "sheet"), data)

    assert response.status_code == 302
    saved = entry_of(cast, "sheet").data
    assert (saved["name"], saved["staff_note"], saved["orders"]) == (
        "Peter",
        "Check again in May",
        [{"key": "o1", "text": "Rest a day"}],
    )


def test_a_patient_cannot_move_a_clinician_only_item_value_to_another_item(
    cast, client_for, small_pack_in_use
):
    save_sheet(cast, SHEET_SAVED)
    peter = client_for(cast.peter)
    data = posted_back(peter.get(page_url(cast, "peter", "sheet")).context["sheet"])
    data["items-0-key"], data["items-1-key"] = "k2", "k1"
    data["items-0-text"], data["items-1-text"] = "Swim", "Walk"

    peter.post(page_url(cast, "peter", "sheet"), data)

    approved = {item["key"]: item["approved"] for item in entry_of(cast, "sheet").data["items"]}
    assert approved == {"k1": True, "k2": False}


# my-goals links each goal to the activities of what-matters.


@pytest.mark.parametrize("who", ["lise", "peter"])
@pytest.mark.parametrize("printing", [False, True])
def test_opening_my_goals_records_a_read_of_what_matters(cast, client_for, who, printing):
    fill_what_matters(cast.peter_patient, actor=cast.lise, text="Carry my grandson")
    actor = getattr(cast, who)
    before = last_event_id()

    response = client_for(actor).get((print_url if printing else page_url)(cast, who, "my-goals"))

    assert response.status_code == 200
    events = list(AuditEvent.objects.filter(id__gt=before).order_by("id"))
    assert [(e.action, e.target, e.detail) for e in events] == [
        (Action.PRINT if printing else Action.READ, "material:my-goals", {}),
        (Action.READ, "material:what-matters", {"linked_from": "my-goals"}),
    ]
    assert {(e.actor, e.patient, e.source) for e in events} == {
        (actor, cast.peter_patient, f"view:{response.resolver_match.view_name}")
    }
    if not printing:  # the goal can name the activity it serves
        serves = response.context["sheet"].lists["goals"].forms[0].fields["serves"]
        assert list(serves.choices) == [("k1", "Carry my grandson")]
        assert "Carry my grandson" in text_of(response)


def test_opening_my_goals_reads_nothing_else_when_what_matters_is_not_filled_in(cast, client_for):
    before = last_event_id()

    client_for(cast.lise).get(page_url(cast, "lise", "my-goals"))

    events = AuditEvent.objects.filter(id__gt=before)
    assert [(e.action, e.target) for e in events] == [(Action.READ, "material:my-goals")]


def test_a_goal_saved_with_its_link_prints_the_linked_activitys_name(cast, client_for):
    fill_what_matters(cast.peter_patient, actor=cast.lise, text="Carry my grandson")
    peter = client_for(cast.peter)
    data = posted_back(peter.get(page_url(cast, "peter", "my-goals")).context["sheet"])
    data["goals-0-text"] = "Walk 2 km"
    data["goals-0-serves"] = ["k1"]

    assert peter.post(page_url(cast, "peter", "my-goals"), data).status_code == 302

    assert entry_of(cast, "my-goals").data["goals"][0]["serves"] == ["k1"]
    text = text_of(peter.get(print_url(cast, "peter", "my-goals")))
    assert "Walk 2 km" in text and "Carry my grandson" in text
