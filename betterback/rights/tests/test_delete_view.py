"""The "Delete my self-management data" page: what goes and what stays, a required confirmation,
then the deletion."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext

from betterback.audit.models import AuditEvent
from betterback.questionnaires.models import Response
from betterback.rights import services
from betterback.rights.forms import DeleteForm

URL = reverse("rights:delete")


def test_it_says_how_much_goes_and_what_stays(cast, client_for, records):
    response = client_for(cast.peter).get(URL)

    assert response.status_code == 200
    assert response.context["counts"] == services.self_management_counts(cast.peter_patient)
    body = response.content.decode()
    with translation.override("da"):
        assert gettext("What stays, and why") in body
        assert ngettext("%(n)s check-in", "%(n)s check-ins", 2) % {"n": 2} in body
    assert 'name="confirm"' in body


def test_it_deletes_after_the_confirmation_and_says_so(cast, client_for, records):
    client = client_for(cast.peter)

    response = client.post(URL, {"confirm": "on"}, follow=True)

    assert response.redirect_chain == [(reverse("rights:my_data"), 302)]
    assert not any(services.self_management_counts(cast.peter_patient).values())
    assert Response.objects.filter(patient=cast.peter_patient).exists()
    with translation.override("da"):
        assert gettext("Your self-management data has been deleted.") in response.content.decode()
    event = AuditEvent.objects.get(target="self_management_data", action="update")
    assert (event.actor, event.patient) == (cast.peter, cast.peter_patient)


def test_without_the_confirmation_nothing_is_deleted(cast, client_for, records):
    before = services.self_management_counts(cast.peter_patient)

    response = client_for(cast.peter).post(URL, {})

    assert response.status_code == 400
    assert services.self_management_counts(cast.peter_patient) == before
    with translation.override("da"):
        error = str(DeleteForm.base_fields["confirm"].error_messages["required"])
    assert error in response.content.decode()
    assert response.context["form"].errors.as_data()["confirm"][0].code == "required"


def test_it_deletes_only_the_logged_in_patients_data(cast, client_for, records):
    majas = services.self_management_counts(cast.maja_patient)

    client_for(cast.peter).post(URL, {"confirm": "on"})

    assert services.self_management_counts(cast.maja_patient) == majas


def test_with_nothing_to_delete_it_offers_no_button(cast, client_for):
    response = client_for(cast.peter).get(URL)

    assert response.context["nothing"] is True
    assert 'name="confirm"' not in response.content.decode()
