"""Set-up that the sharing tests share: one score of Peter's, and shares made and
accepted through the real services, so their audit events are the real ones."""

from datetime import timedelta

from django.utils import timezone

from betterback.questionnaires import services as questionnaires
from betterback.questionnaires.models import DEFAULT_INTAKE
from betterback.sharing import services

PETER_GOAL = "Lege 20 minutter på gulvet med børnebørnene hver søndag"


def give_peter_a_score(cast, pain="6"):
    """Peter answers one follow-up: his back pain on a 0-10 scale."""
    questionnaires.save_schedule(
        clinic=cast.odense,
        intake=DEFAULT_INTAKE,
        follow_up=["nrs:back"],
        weeks=[4],
        actor=cast.anne,
        source="test",
    )
    [follow_up] = questionnaires.schedule_follow_ups(
        patient=cast.peter_patient,
        clinician=cast.lise.clinician,
        start=timezone.now() - timedelta(weeks=5),
        actor=cast.lise,
        source="test",
    )
    questionnaires.save_answers(
        response=follow_up.responses.get(),
        raw={"1": pain},
        actor=cast.peter,
        source="test",
        submit=True,
    )


def make_share(cast, *, period="1m", recipient="Dr. Hansen, my GP"):
    """Peter shares; returns the share, the link's token and the code."""
    return services.create_share(
        patient=cast.peter_patient,
        recipient=recipient,
        period=period,
        actor=cast.peter,
        source="test",
    )


def shared_with(cast, user, **kwargs):
    """Peter shares and `user` (a clinician) accepts; returns the share."""
    share, token, _ = make_share(cast, **kwargs)
    return services.accept_share(secret=token, clinician=user.clinician, source="test")
