"""The JSON answers a material page gives its autosave script."""

from django.urls import reverse

from betterback.materials.models import WorksheetEntry

URL = reverse("materials:patient_material", args=["what-matters"])


def post(client, version, rows, **extra):
    data = {
        "version": str(version),
        "activities-TOTAL_FORMS": str(len(rows)),
        "activities-INITIAL_FORMS": "0",
        **extra,
    }
    for index, (key, text) in enumerate(rows):
        data[f"activities-{index}-key"] = key
        data[f"activities-{index}-text"] = text
    return client.post(URL, data, HTTP_X_AUTOSAVE="1")


def test_an_autosave_answers_with_the_new_version_and_each_rows_key(cast, client_for):
    peter = client_for(cast.peter)

    response = post(peter, 0, [("", "Swim"), ("", "")])

    assert response.status_code == 200
    answer = response.json()
    entry = WorksheetEntry.objects.get()
    assert answer["ok"] is True and answer["version"] == entry.version == 1
    assert answer["keys"]["activities"] == [entry.data["activities"][0]["key"], ""]


def test_a_saved_row_posted_again_from_an_older_page_is_kept(cast, client_for):
    peter = client_for(cast.peter)
    key = post(peter, 0, [("", "Swim")]).json()["keys"]["activities"][0]

    # The page was rendered with no items (INITIAL_FORMS 0); the first row now has its key.
    post(peter, 1, [(key, "Swim"), ("", "Cycle")])

    texts = [a["text"] for a in WorksheetEntry.objects.get().data["activities"]]
    assert texts == ["Swim", "Cycle"]


def test_an_autosave_with_a_problem_is_refused_in_json(cast, client_for):
    response = post(client_for(cast.peter), 0, [("", "x" * 500)])

    assert response.status_code == 400
    assert response.json()["ok"] is False
    assert not WorksheetEntry.objects.exists()


def test_an_autosave_based_on_an_old_version_is_told_and_saves_nothing(cast, client_for):
    peter = client_for(cast.peter)
    post(peter, 0, [("", "From the phone")])

    response = post(peter, 0, [("", "From the computer")])

    assert response.status_code == 409
    assert "Peter Jensen" in response.json()["message"]
    texts = [a["text"] for a in WorksheetEntry.objects.get().data["activities"]]
    assert texts == ["From the phone"]


def test_without_the_autosave_header_a_save_redirects_as_before(cast, client_for):
    response = client_for(cast.peter).post(
        URL,
        {
            "version": "0",
            "activities-TOTAL_FORMS": "1",
            "activities-INITIAL_FORMS": "0",
            "activities-0-text": "Swim",
        },
    )

    assert response.status_code == 302


def test_the_same_page_saving_again_on_an_old_version_is_not_a_conflict(cast, client_for):
    peter = client_for(cast.peter)
    post(peter, 0, [("", "Swim")], draft="page-one")

    # The Save button raced the page's own autosave: same page, older version.
    response = post(peter, 0, [("", "Swim"), ("", "Cycle")], draft="page-one")

    assert response.status_code == 200
    texts = [a["text"] for a in WorksheetEntry.objects.get().data["activities"]]
    assert texts == ["Swim", "Cycle"]


def test_another_page_on_an_old_version_is_a_conflict(cast, client_for):
    peter = client_for(cast.peter)
    post(peter, 0, [("", "Swim")], draft="page-one")

    response = post(peter, 0, [("", "Cycle")], draft="page-two")

    assert response.status_code == 409
