"""Progress week by week, for the patient and for the clinician: a chart and a table for each
measure, the flare-ups, and (for the clinician) the latest check-ins."""

import html
import re
import uuid
from datetime import datetime, time, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from betterback.audit.models import Action, AuditEvent
from betterback.plan import services as plan_services
from betterback.selfcare import services
from betterback.testing.plans import WALK

MINE = reverse("selfcare:my_progress")
CHARTS = 5  # actions done, confidence, pain, goal reviews, flare-ups
SOURCE = "test"


def clinician_url(cast):
    return reverse("selfcare:patient_progress", args=[cast.peter_patient.public_id])


def before_this_week(days: int) -> datetime:
    """Noon `days` days before this week's Monday: in the past whatever the time now."""
    monday = services.monday(timezone.localdate())
    return timezone.make_aware(datetime.combine(monday - timedelta(days=days), time(12)))


def check_ins(cast, count: int, *, first_day=1):
    """One check-in a day, going back from last Sunday (or from `first_day` days before this
    week's Monday)."""
    for day in range(first_day, first_day + count):
        services.record_check_in(
            patient=cast.peter_patient,
            key=uuid.uuid4(),
            made_at=before_this_week(day),
            data={
                "actions": {"act1": {"status": "done" if day % 3 else "partly", "amount": 20}},
                "confidence": 5 + day % 4,
                "pain": 6 - day % 3,
                "note": f"Note of day {day}",
            },
            action_keys=["act1", "act2"],
            actor=cast.peter,
            source=SOURCE,
        )


def several_weeks(cast):
    """Five weeks of check-ins and goal reviews, and one flare-up with a note, now over."""
    check_ins(cast, 35)
    for week in range(1, 6):
        services.review_goals(
            patient=cast.peter_patient,
            week=before_this_week(7 * week).date(),
            reviews={"goal1": (week % 3 - 1, ""), "goal2": (0, "")},
            actor=cast.peter,
            source=SOURCE,
        )
    flare = services.start_flare(
        patient=cast.peter_patient,
        actor=cast.peter,
        source=SOURCE,
        started_at=before_this_week(10),
    )
    services.add_flare_note(
        patient=cast.peter_patient,
        key=uuid.uuid4(),
        made_at=before_this_week(9),
        tried="Heat pad in the evening",
        helped="yes",
        actor=cast.peter,
        source=SOURCE,
    )
    services.end_flare(flare=flare, actor=cast.peter, source=SOURCE)


def body_of(response) -> str:
    return html.unescape(response.content.decode())


def test_the_patient_sees_a_chart_and_a_table_for_each_measure(cast, client_for, peter_plan):
    several_weeks(cast)

    response = client_for(cast.peter).get(MINE)

    assert response.status_code == 200
    body = body_of(response)
    assert len(re.findall(r'<svg [^>]*role="img"', body)) == CHARTS
    assert body.count("<table") == CHARTS
    weeks = response.context["weeks"]
    assert len(weeks) == 12
    assert sum(w.check_ins for w in weeks) == 35
    assert sum(w.flares for w in weeks) == 1
    assert weeks[-1].check_ins == 0  # nothing yet this week
    assert [w.attainment is not None for w in weeks[-6:]] == [True] * 5 + [False]
    with translation.override("da"):
        assert gettext("Confidence (0-10)") in body
        assert gettext("Flare-ups started") in body
        assert gettext("Week of") in body
    assert "Heat pad in the evening" in body  # what helped in the flare-up
    assert "Note of day" not in body  # the notes of check-ins are for the clinician's list
    event = AuditEvent.objects.filter(action=Action.READ).latest("id")
    assert (event.patient, event.actor, event.target) == (
        cast.peter_patient,
        cast.peter,
        "progress",
    )


def test_with_one_week_of_data_there_is_no_line_yet(cast, client_for):
    check_ins(cast, 1)

    response = client_for(cast.peter).get(MINE)

    body = body_of(response)
    with translation.override("da"):
        not_enough = gettext("Not enough weeks with data for a chart yet.")
    # Only the flare-up chart has a point every week (zero flare-ups count).
    assert body.count(not_enough) == CHARTS - 1
    assert len(re.findall(r'<svg [^>]*role="img"', body)) == 1
    assert body.count("<table") == CHARTS


def test_without_any_data_the_page_still_opens(cast, client_for):
    response = client_for(cast.maja).get(MINE)

    assert response.status_code == 200
    with translation.override("da"):
        assert gettext("No flare-ups logged.") in body_of(response)


def test_the_clinician_sees_charts_tables_and_the_latest_check_ins(cast, client_for, peter_plan):
    several_weeks(cast)
    services.record_check_in(
        patient=cast.peter_patient,
        key=uuid.uuid4(),
        made_at=timezone.now() - timedelta(minutes=1),  # the latest, whatever the hour
        data={"confidence": 9, "note": "Sent later"},
        action_keys=[],
        actor=cast.peter,
        source=SOURCE,
        offline=True,
    )

    response = client_for(cast.lise).get(clinician_url(cast))

    assert response.status_code == 200
    body = body_of(response)
    assert len(re.findall(r'<svg [^>]*role="img"', body)) == CHARTS
    assert body.count("<table") == CHARTS + 1  # and the check-ins
    listed = response.context["check_ins"]
    assert len(listed) == 10
    assert listed[0].note == "Sent later"  # the latest made first
    assert [c.made_at for c in listed] == sorted((c.made_at for c in listed), reverse=True)
    assert "Sent later" in body and "Note of day 1" in body
    assert "Note of day 20" not in body  # only the latest ten
    with translation.override("da"):
        assert gettext("made offline") in body
        assert gettext("Latest check-ins") in body
    assert "Peter Jensen" in body
    assert WALK in body
    assert reverse("selfcare:grading", args=[cast.peter_patient.public_id, "act1"]) in body
    event = AuditEvent.objects.filter(action=Action.READ).latest("id")
    assert (event.patient, event.actor, event.target) == (
        cast.peter_patient,
        cast.lise,
        "progress",
    )


def test_the_clinician_sees_this_weeks_graded_amount(cast, client_for, peter_plan):
    plan_services.save_grading(
        patient=cast.peter_patient,
        action_key="act1",
        unit="minutes",
        baseline=20,
        starts_on=services.monday(timezone.localdate()) - timedelta(weeks=1),
        steps=[],
        actor=cast.lise,
        source=SOURCE,
    )
    cast.lise.language = "en"
    cast.lise.save(update_fields=["language"])

    body = body_of(client_for(cast.lise).get(clinician_url(cast)))

    assert f"{WALK}: this week 18 minutes" in body


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_check_ins(cast, client_for, peter_plan):
    client = client_for(cast.peter)
    lise = client_for(cast.lise)
    check_ins(cast, 5)
    client.get(MINE)  # anything cached on the first visit is cached now
    few = count_queries(client, MINE)
    few_clinician = count_queries(lise, clinician_url(cast))

    check_ins(cast, 35, first_day=6)
    assert cast.peter_patient.check_ins.count() == 40
    many = count_queries(client, MINE)
    many_clinician = count_queries(lise, clinician_url(cast))

    assert few == many
    assert few_clinician == many_clinician
