import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The default sets. A set entry is an instrument id, or "instrument:variant" for instruments asked
# about more than one place (pain in the back and in the leg).
# The warning-sign screen asks its history items at intake only ("redflags:follow_up" asks what is
# new since last time).
DEFAULT_INTAKE = [
    "nrs:back", "nrs:leg", "startback", "rmdq", "pseq", "redflags:intake", "agenda",
]  # fmt: skip
DEFAULT_FOLLOW_UP = ["nrs:back", "nrs:leg", "startback", "rmdq", "pseq", "redflags:follow_up"]
DEFAULT_FOLLOW_UP_WEEKS = [4, 12, 26]


class Schedule(models.Model):
    """A clinic's questionnaire sets: what a new patient answers, and what follows up when."""

    clinic = models.OneToOneField(
        "clinics.Clinic", on_delete=models.CASCADE, related_name="questionnaire_schedule"
    )
    intake = models.JSONField(default=list)
    follow_up = models.JSONField(default=list)
    follow_up_weeks = models.JSONField(default=list)
    # At least this many items answered, by instrument ({"psfs": 3}); else the instrument's own.
    min_answered = models.JSONField(default=dict)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )


class SetKind(models.TextChoices):
    INTAKE = "intake", _("Before the first consultation")
    FOLLOW_UP = "follow_up", _("Follow-up")


class QuestionnaireSet(models.Model):
    """The questionnaires one patient is asked to answer at one time point."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="questionnaire_sets"
    )
    clinician = models.ForeignKey(
        "clinics.Clinician", on_delete=models.PROTECT, related_name="questionnaire_sets"
    )
    kind = models.CharField(max_length=20, choices=SetKind.choices)
    week = models.PositiveSmallIntegerField(null=True, blank=True)
    entries = models.JSONField(default=list)
    available_from = models.DateTimeField()
    created_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["available_from", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "clinician", "kind", "week"],
                condition=Q(week__isnull=False),
                name="one_follow_up_set_per_week",
            ),
            models.UniqueConstraint(
                fields=["patient", "clinician"],
                condition=Q(kind="intake"),
                name="one_intake_set",
            ),
        ]
        indexes = [models.Index(fields=["completed_at", "available_from"])]

    @property
    def started(self) -> bool:
        return any(r.answers or r.submitted_at for r in self.responses.all())


class Notice(models.Model):
    """One email about a set. The unique constraint is what makes sending exactly-once: a sender
    first claims the row, then sends; a second sender cannot claim it."""

    class Kind(models.TextChoices):
        AVAILABLE = "available", _("new questionnaires")
        REMINDER = "reminder", _("reminder")

    questionnaire_set = models.ForeignKey(
        QuestionnaireSet, on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    claimed_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire_set", "kind"], name="one_notice_per_kind"
            )
        ]


class Source(models.TextChoices):
    PATIENT = "patient", _("answered by the patient")
    PAPER = "paper", _("entered from a paper form")


class Response(models.Model):
    """One instrument answered once. Stores the definition's version and the wording shown, so an
    old answer keeps its meaning when a definition or a wording pack changes."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="questionnaire_responses"
    )
    questionnaire_set = models.ForeignKey(
        QuestionnaireSet,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="responses",
    )
    instrument_id = models.CharField(max_length=40)
    instrument_version = models.CharField(max_length=20)
    variant = models.CharField(max_length=20, blank=True)
    wording = models.CharField(max_length=120, blank=True, help_text="'reference' or a pack.")
    position = models.PositiveSmallIntegerField(default=0)
    answers = models.JSONField(default=dict)
    # Free text that goes with an answer: the activity a PSFS item rates.
    notes = models.JSONField(default=dict)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.PATIENT)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # For answers entered from paper: the form's one-time key, so a double submit stores one row.
    key = models.UUIDField(null=True, blank=True, unique=True)
    total = models.FloatField(null=True, blank=True)
    subscales = models.JSONField(default=dict)
    band = models.CharField(max_length=20, blank=True)
    # Warning signs: the most urgent level answered "yes" so far (1 now ... 4 at follow-up), set
    # with every save. The alert and its acknowledgement live in safety.Alert.
    flag_level = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire_set", "instrument_id", "variant"],
                condition=Q(questionnaire_set__isnull=False),
                name="one_response_per_set_entry",
            )
        ]
        indexes = [models.Index(fields=["patient", "instrument_id", "submitted_at"])]

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def entry(self) -> str:
        return f"{self.instrument_id}:{self.variant}" if self.variant else self.instrument_id


class WordingPack(models.Model):
    """A licensed, validated wording of one instrument in one language, installed by a clinic.
    It replaces our reference wording for that clinic's patients."""

    clinic = models.ForeignKey(
        "clinics.Clinic", on_delete=models.CASCADE, related_name="wording_packs"
    )
    instrument_id = models.CharField(max_length=40)
    language = models.CharField(max_length=5, choices=settings.LANGUAGES)
    name = models.CharField(max_length=200)
    version = models.CharField(max_length=40)
    source_text = models.TextField()
    installed_at = models.DateTimeField(default=timezone.now)
    installed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "instrument_id", "language"], name="one_pack_per_language"
            )
        ]

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}"
