"""The "What matters to me" page, filled in by the clinician in the consultation and by the
patient at home: saving, history, validation, conflicts and garbage input."""

import html

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext

from betterback.content.pack import material
from betterback.materials.models import Context, WorksheetEntry, WorksheetRevision
from betterback.testing.factories import posted_back

MATERIAL_ID = "what-matters"
ACTIVITIES = material(MATERIAL_ID).field("activities")


def clinician_url(cast):
    return reverse("dialogue:material", args=[cast.peter_patient.public_id, MATERIAL_ID])


PATIENT_URL = reverse("materials:patient_material", args=[MATERIAL_ID])


def form_data(response) -> dict:
    """What the browser would post back: every field of the page's forms as rendered."""
    return posted_back(response.context["sheet"])


def fill(data: dict, index: int, text="", area="", rank="", stopped=False, delete=False):
    """Type into row ``index``, adding rows to the formset when needed."""
    total = int(data["activities-TOTAL_FORMS"])
    if index >= total:
        data["activities-TOTAL_FORMS"] = index + 1
    data[f"activities-{index}-text"] = text
    data[f"activities-{index}-area"] = area
    data[f"activities-{index}-rank"] = rank
    data.pop(f"activities-{index}-stopped_by_pain", None)
    if stopped:
        data[f"activities-{index}-stopped_by_pain"] = "on"
    if delete:
        data[f"activities-{index}-DELETE"] = "on"
    return data


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def entry_of(cast):
    return WorksheetEntry.objects.filter(
        patient=cast.peter_patient, material_id=MATERIAL_ID
    ).first()


def save_through_page(client, url, *rows, life_areas=()):
    data = form_data(client.get(url))
    for index, row in enumerate(rows):
        fill(data, index, **row)
    data["life_areas"] = list(life_areas)
    response = client.post(url, data)
    assert response.status_code == 302, page_text(response)
    return response


def test_a_clinicians_save_is_a_revision_made_in_the_consultation(cast, client_for):
    lise = client_for(cast.lise)

    response = save_through_page(
        lise,
        clinician_url(cast),
        {"text": "Walk the dog", "area": "leisure", "rank": "1", "stopped": True},
        life_areas=["family", "leisure"],
    )

    assert response["Location"] == clinician_url(cast)
    entry = entry_of(cast)
    assert entry.version == 1
    assert entry.updated_by == cast.lise
    assert entry.data["life_areas"] == ["family", "leisure"]
    [activity] = entry.data["activities"]
    assert {k: activity[k] for k in ("text", "area", "rank", "stopped_by_pain")} == {
        "text": "Walk the dog",
        "area": "leisure",
        "rank": 1,
        "stopped_by_pain": True,
    }
    [revision] = entry.revisions.all()
    assert (revision.version, revision.context, revision.changed_by) == (
        1,
        Context.CONSULTATION,
        cast.lise,
    )
    assert revision.data == entry.data


def test_a_patients_save_is_a_revision_made_at_home(cast, client_for):
    save_through_page(client_for(cast.peter), PATIENT_URL, {"text": "Play with my grandchildren"})

    entry = entry_of(cast)
    [revision] = entry.revisions.all()
    assert (revision.context, revision.changed_by) == (Context.HOME, cast.peter)
    assert entry.data["activities"][0]["text"] == "Play with my grandchildren"


def test_saving_shows_the_saved_message(cast, client_for):
    client = client_for(cast.peter)
    data = fill(form_data(client.get(PATIENT_URL)), 0, text="Cycle to work")

    response = client.post(PATIENT_URL, data, follow=True)

    with translation.override("da"):
        assert gettext("Saved.") in page_text(response)


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_history_shows_the_consultation_and_the_home_save(cast, client_for, language):
    cast.lise.language = language
    cast.lise.save()
    lise, peter = client_for(cast.lise), client_for(cast.peter)
    save_through_page(lise, clinician_url(cast), {"text": "Walk the dog"})
    save_through_page(peter, PATIENT_URL, {"text": "Walk the dog every day"})

    response = lise.get(clinician_url(cast))

    history = [item["revision"] for item in response.context["history"]]
    assert [(r.version, r.context, r.changed_by) for r in history] == [
        (2, Context.HOME, cast.peter),
        (1, Context.CONSULTATION, cast.lise),
    ]
    text = page_text(response)
    with translation.override(language):
        assert gettext("at home") in text
        assert gettext("in the consultation") in text
    assert "Peter Jensen" in text and "Lise Holm" in text


@pytest.mark.parametrize("language", ["da", "en"])
def test_two_activities_with_the_same_rank_are_refused_with_a_translated_error(
    cast, client_for, language
):
    cast.peter.language = language
    cast.peter.save()
    peter = client_for(cast.peter)
    save_through_page(peter, PATIENT_URL, {"text": "Walk the dog", "rank": "1"})
    data = form_data(peter.get(PATIENT_URL))
    fill(data, 1, text="Garden", rank="1")

    response = peter.post(PATIENT_URL, data)

    assert response.status_code == 200
    with translation.override(language):
        message = gettext("Only one item can be number %(rank)d. Choose a different number.") % {
            "rank": 1
        }
    assert message in page_text(response)
    entry = entry_of(cast)
    assert entry.version == 1
    assert [a["text"] for a in entry.data["activities"]] == ["Walk the dog"]
    assert WorksheetRevision.objects.filter(entry=entry).count() == 1


def test_a_rank_without_an_activity_asks_for_the_text(cast, client_for):
    peter = client_for(cast.peter)
    data = fill(form_data(peter.get(PATIENT_URL)), 0, text="  ", rank="2")

    response = peter.post(PATIENT_URL, data)

    assert response.status_code == 200
    with translation.override("da"):
        message = gettext("Fill in “%(label)s”, or clear the rest of this row.") % {
            "label": ACTIVITIES.item_field("text").label
        }
    assert message in page_text(response)
    assert entry_of(cast) is None


def test_a_stale_version_is_not_saved_and_keeps_what_was_typed(cast, client_for):
    lise, peter = client_for(cast.lise), client_for(cast.peter)
    lise_form = form_data(lise.get(clinician_url(cast)))  # Lise opens the page at version 0 ...
    save_through_page(peter, PATIENT_URL, {"text": "Peter's own words"})  # ... Peter saves ...
    fill(lise_form, 0, text="Lise's suggestion")

    response = lise.post(clinician_url(cast), lise_form)  # ... then Lise saves.

    assert response.status_code == 200
    assert response.context["conflict"].version == 1
    text = page_text(response)
    with translation.override("da"):
        assert gettext("Someone else saved this material while you were writing") in text
    assert "Lise's suggestion" in text
    assert response.context["sheet"].main["version"].value() == 1
    entry = entry_of(cast)
    assert entry.version == 1
    assert [a["text"] for a in entry.data["activities"]] == ["Peter's own words"]


def test_saving_again_after_a_conflict_keeps_the_newer_typing(cast, client_for):
    lise, peter = client_for(cast.lise), client_for(cast.peter)
    lise_form = form_data(lise.get(clinician_url(cast)))
    save_through_page(peter, PATIENT_URL, {"text": "Peter's own words"})
    conflict = lise.post(clinician_url(cast), fill(lise_form, 0, text="Lise's suggestion"))

    response = lise.post(clinician_url(cast), form_data(conflict))

    assert response.status_code == 302
    entry = entry_of(cast)
    assert entry.version == 2
    assert [a["text"] for a in entry.data["activities"]] == ["Lise's suggestion"]


def _drop_management_form(data):
    for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
        data.pop(f"activities-{name}")


GARBAGE = {
    "no management form": _drop_management_form,
    "a management form that is not a number": lambda d: d.update(
        {"activities-TOTAL_FORMS": "many", "activities-INITIAL_FORMS": "x"}
    ),
    "no version": lambda d: d.pop("version"),
    "a version that is not a number": lambda d: d.update({"version": "one"}),
    "a negative version": lambda d: d.update({"version": "-1"}),
    "an overlong activity": lambda d: d.update({"activities-0-text": "x" * 201}),
    "a null character": lambda d: d.update({"activities-0-text": "Walk\x00the dog"}),
    "a rank outside the choices": lambda d: d.update({"activities-0-rank": "4"}),
    "a rank that is not a number": lambda d: d.update({"activities-0-rank": "first"}),
    "an unknown area": lambda d: d.update({"activities-0-area": "moon"}),
    "an unknown life area": lambda d: d.update({"life_areas": ["moon"]}),
    "an overlong key": lambda d: d.update({"activities-0-key": "k" * 33}),
}


@pytest.mark.parametrize("garbage", GARBAGE.values(), ids=GARBAGE.keys())
def test_garbage_is_answered_with_an_error_and_never_saved(cast, client_for, garbage):
    peter = client_for(cast.peter)
    save_through_page(peter, PATIENT_URL, {"text": "Walk the dog"})
    data = fill(form_data(peter.get(PATIENT_URL)), 0, text="Changed text")
    garbage(data)

    response = peter.post(PATIENT_URL, data)

    assert response.status_code in (200, 400)
    assert 'id="error-summary"' in response.content.decode()
    entry = entry_of(cast)
    assert entry.version == 1
    assert entry.data["activities"][0]["text"] == "Walk the dog"


def test_a_version_from_the_future_is_a_conflict_not_a_crash(cast, client_for):
    peter = client_for(cast.peter)
    data = fill(form_data(peter.get(PATIENT_URL)), 0, text="Walk the dog")
    data["version"] = "9" * 30

    response = peter.post(PATIENT_URL, data)

    assert response.status_code == 200
    assert response.context["conflict"] is not None
    assert entry_of(cast) is None


def test_an_activity_is_removed_with_its_delete_box(cast, client_for):
    peter = client_for(cast.peter)
    save_through_page(peter, PATIENT_URL, {"text": "Walk the dog"}, {"text": "Garden", "rank": "1"})
    page = peter.get(PATIENT_URL)
    assert 'name="activities-0-DELETE"' in page.content.decode()
    data = form_data(page)
    data["activities-0-DELETE"] = "on"

    response = peter.post(PATIENT_URL, data)

    assert response.status_code == 302
    entry = entry_of(cast)
    assert [a["text"] for a in entry.data["activities"]] == ["Garden"]
    assert entry.version == 2


def test_activities_keep_their_keys_when_edited(cast, client_for):
    peter = client_for(cast.peter)
    save_through_page(peter, PATIENT_URL, {"text": "Walk the dog"})
    key = entry_of(cast).data["activities"][0]["key"]
    data = fill(form_data(peter.get(PATIENT_URL)), 0, text="Walk the dog twice a day")

    peter.post(PATIENT_URL, data)

    [activity] = entry_of(cast).data["activities"]
    assert (activity["key"], activity["text"]) == (key, "Walk the dog twice a day")


def test_saving_unchanged_answers_makes_no_new_revision(cast, client_for):
    peter = client_for(cast.peter)
    save_through_page(peter, PATIENT_URL, {"text": "Walk the dog"})

    response = peter.post(PATIENT_URL, form_data(peter.get(PATIENT_URL)))

    assert response.status_code == 302
    assert entry_of(cast).version == 1
    assert WorksheetRevision.objects.count() == 1


@pytest.mark.parametrize(("count", "saved"), [(12, True), (13, False)])
def test_at_most_max_activities_can_be_listed(cast, client_for, count, saved):
    peter = client_for(cast.peter)
    data = form_data(peter.get(PATIENT_URL))
    for index in range(count):
        fill(data, index, text=f"Activity number {index}")

    response = peter.post(PATIENT_URL, data)

    if saved:
        assert response.status_code == 302
        assert len(entry_of(cast).data["activities"]) == 12
    else:
        assert response.status_code == 200
        with translation.override("da"):
            message = ngettext(
                "“%(label)s” can hold at most %(limit)d item.",
                "“%(label)s” can hold at most %(limit)d items.",
                12,
            ) % {"label": ACTIVITIES.label, "limit": 12}
        assert message in page_text(response)
        assert entry_of(cast) is None


def test_the_page_offers_new_rows_up_to_the_limit(cast, client_for):
    peter = client_for(cast.peter)
    data = form_data(peter.get(PATIENT_URL))
    assert int(data["activities-TOTAL_FORMS"]) == 3
    for index in range(11):
        fill(data, index, text=f"Activity number {index}")
    peter.post(PATIENT_URL, data)

    rows = peter.get(PATIENT_URL).context["sheet"].lists["activities"]

    assert (rows.initial_form_count(), rows.total_form_count()) == (11, 12)


@pytest.mark.parametrize("who", ["olav", "karim"])
def test_a_clinician_without_peter_in_care_cannot_save_his_worksheet(cast, client_for, who):
    lise_form = form_data(client_for(cast.lise).get(clinician_url(cast)))

    response = client_for(getattr(cast, who)).post(
        clinician_url(cast), fill(lise_form, 0, text="Written by a stranger")
    )

    assert response.status_code == 404
    assert entry_of(cast) is None


def test_presentation_mode_stays_on_after_saving(cast, client_for):
    lise = client_for(cast.lise)
    url = clinician_url(cast) + "?mode=present"
    page = lise.get(url)
    assert page.context["present"] is True

    response = lise.post(url, fill(form_data(page), 0, text="Walk the dog"))

    assert response["Location"] == url
