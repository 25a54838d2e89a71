"""What an audit event touched: the kind of thing (the part of the target before ":"), with the
words a patient reads in "Who has looked at my data". Targets are stored as text ("plan",
"material:what-matters", "session:12"), so events written before this list existed still read
right; a refusal keeps the address that was refused."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Target(models.TextChoices):
    ACCESS_LOG = "access_log", _("this list")
    ALERT = "alert", _("a warning sign you reported")
    ALERT_NOTICE = "alert_notice", _("an email to your clinician about a warning sign")
    CARE = "care_relationship", _("you")
    CHECK_IN = "check_in", _("your check-ins")
    CHECK_IN_REMINDER = "notice:check_in", _("a reminder to you to check in")
    CLINIC_SAFETY = "clinic_safety_settings", _("the clinic's warning-sign settings")
    DELETION = "self_management_data", _("your self-management data")
    FHIR_EXPORT = "fhir_export", _("your data, for another health system (FHIR)")
    FLARE = "flare", _("your flare-ups")
    FLARE_NOTE = "flare_note", _("your flare-ups")
    FOLLOW_UP_LIST = "follow_up_list", _("you, in the follow-up list")
    GOAL_REVIEW = "goal_review", _("your goal reviews")
    GRADED_ACTIVITY = "graded_activity", _("your graded steps")
    INVITATION = "invitation", _("you (invitation)")
    INVITATION_LIST = "invitation_list", _("you, in the list of invitations")
    LEARN = "learn", _("the library")
    MATERIAL = "material", _("your material")
    MY_DATA = "my_data", _("a copy of your data")
    NOTICE = "notice", _("an email to you about questionnaires")
    OVERVIEW = "overview", _("your overview")
    PATIENT_LIST = "patient_list", _("you, in the patient list")
    PLAN = "plan", _("your plan")
    PROGRESS = "progress", _("your progress")
    QUESTIONNAIRE = "questionnaire", _("your questionnaires")
    QUESTIONNAIRE_SCHEDULE = "questionnaire_schedule", _("the clinic's questionnaires")
    QUESTIONNAIRE_SET = "qset", _("your questionnaires")
    REFLECTION = "reflection", _("their own note on a session with you, which only they can read")
    REFLECTIONS = "reflections", _("their own note on a session with you, which only they can read")
    REMINDERS = "reminders", _("your reminders")
    RESULTS = "results", _("your questionnaire results")
    SESSION = "session", _("a consultation with you")
    SHARE = "share", _("to see your plan and scores")
    SHARED_LIST = "shared_list", _("you, in the list of plans shared with them")
    SHARED_PLAN = "shared_plan", _("your plan and scores, which you shared")
    SHARES = "shares", _("the list of what you have shared")
    WORDING_PACK = "wording_pack", _("the clinic's questionnaire wording")


def target(kind: Target, key="") -> str:
    """The stored target: the kind, and after ":" which one (a material id, a session ...)."""
    return f"{kind.value}:{key}" if key != "" else kind.value


def kind_of(stored: str) -> Target | None:
    """The kind of a stored target, or None for one that is not a kind (a refused address)."""
    for candidate in (stored, stored.partition(":")[0]):
        if candidate in Target.values:
            return Target(candidate)
    return None
