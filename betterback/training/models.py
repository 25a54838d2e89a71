"""A clinician's progress through the course, the sandbox of practice cases, and private
reflections on real sessions.

The sandbox holds no patient: a case's fictional person lives in the course pack, and what the
clinician fills in for them is kept here (PracticeWorksheet), never in patients, materials or
dialogue. So no patient list, export, statistic or audit trail can ever show it.
"""

import uuid

from django.db import models
from django.utils import timezone


class ModuleRead(models.Model):
    """The clinician has read a module and gone on to its quiz."""

    clinician = models.ForeignKey(
        "clinics.Clinician", on_delete=models.CASCADE, related_name="modules_read"
    )
    module_id = models.CharField(max_length=80)
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["clinician", "module_id"], name="one_read_per_module")
        ]


class QuizAnswer(models.Model):
    """One try at one quiz question; a question is done once a try is right."""

    clinician = models.ForeignKey(
        "clinics.Clinician", on_delete=models.CASCADE, related_name="quiz_answers"
    )
    module_id = models.CharField(max_length=80)
    question_id = models.CharField(max_length=80)
    # The chosen option ids; for an ordering, every id in the order given.
    answer = models.JSONField(default=list)
    right = models.BooleanField()
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["answered_at", "id"]
        indexes = [models.Index(fields=["clinician", "module_id"])]


class CaseAttempt(models.Model):
    """A clinician's practice session on one case. There is one per case and clinician; starting
    again clears its answers."""

    clinician = models.ForeignKey(
        "clinics.Clinician", on_delete=models.CASCADE, related_name="case_attempts"
    )
    case_id = models.CharField(max_length=80)
    case_version = models.CharField(max_length=20)
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["clinician", "case_id"], name="one_attempt_per_case")
        ]


class StepChoice(models.Model):
    """One pick in a choice step of a case, with whether it was a best option."""

    attempt = models.ForeignKey(CaseAttempt, on_delete=models.CASCADE, related_name="choices")
    step_id = models.CharField(max_length=80)
    option_id = models.CharField(max_length=80)
    best = models.BooleanField()
    chosen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["chosen_at", "id"]


class PracticeWorksheet(models.Model):
    """A real material filled in for a case's fictional patient: the sandbox's worksheet."""

    attempt = models.ForeignKey(CaseAttempt, on_delete=models.CASCADE, related_name="worksheets")
    step_id = models.CharField(max_length=80)
    material_id = models.CharField(max_length=80)
    data = models.JSONField(default=dict)
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "step_id"], name="one_sheet_per_step")
        ]


class Certificate(models.Model):
    """Issued once, the first time a clinician who has finished the course asks for it."""

    clinician = models.OneToOneField(
        "clinics.Clinician", on_delete=models.CASCADE, related_name="certificate"
    )
    number = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course_version = models.CharField(max_length=20)
    issued_at = models.DateTimeField(default=timezone.now)


class Reflection(models.Model):
    """After a real dialogue session: what went well and what to try next time. Private to the
    clinician who wrote it; it is about their own practice, not part of the patient's record."""

    clinician = models.ForeignKey(
        "clinics.Clinician", on_delete=models.CASCADE, related_name="reflections"
    )
    session = models.ForeignKey(
        "dialogue.DialogueSession", on_delete=models.CASCADE, related_name="reflections"
    )
    went_well = models.TextField(blank=True)
    try_next = models.TextField(blank=True)
    written_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-written_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["clinician", "session"], name="one_reflection_per_session"
            )
        ]
