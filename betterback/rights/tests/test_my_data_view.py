"""The "My data" page: the three downloads and the way to deletion, linked from the home page."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext


def test_it_links_the_three_downloads_and_the_deletion(cast, client_for):
    response = client_for(cast.peter).get(reverse("rights:my_data"))

    assert response.status_code == 200
    body = response.content.decode()
    for view in ("rights:pdf", "rights:json", "rights:fhir", "rights:delete"):
        assert f'href="{reverse(view)}"' in body


def test_the_patients_home_page_links_to_it(cast, client_for):
    body = client_for(cast.peter).get(reverse("front:patient_home")).content.decode()

    assert f'href="{reverse("rights:my_data")}"' in body
    with translation.override("da"):
        assert gettext("Download or delete my data") in body
