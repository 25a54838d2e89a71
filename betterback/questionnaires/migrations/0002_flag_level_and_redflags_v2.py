"""Warning signs version 2 (docs/safety.md): the response keeps the most urgent level (1 now,
2 the same day, 3 within days, 4 at follow-up) instead of version 1's tier (1 now, 2 within
days, 3 at follow-up); the screen is asked as "redflags:intake" and "redflags:follow_up"; a
clinic may ask for a minimum of items answered (PSFS). Responses not yet started move to
version 2; answers already given keep version 1 and its meaning."""

from django.db import migrations, models

V1_LEVEL = {1: 1, 2: 3, 3: 4}


def forwards(apps, schema_editor):
    Response = apps.get_model("questionnaires", "Response")
    QuestionnaireSet = apps.get_model("questionnaires", "QuestionnaireSet")
    Schedule = apps.get_model("questionnaires", "Schedule")
    for response in Response.objects.filter(instrument_id="redflags", flag_level__isnull=False):
        response.flag_level = V1_LEVEL.get(response.flag_level, response.flag_level)
        response.save(update_fields=["flag_level"])
    for schedule in Schedule.objects.all():
        schedule.intake = [
            "redflags:intake" if entry == "redflags" else entry for entry in schedule.intake
        ]
        schedule.follow_up = [
            "redflags:follow_up" if entry == "redflags" else entry for entry in schedule.follow_up
        ]
        schedule.save(update_fields=["intake", "follow_up"])
    not_started = Response.objects.filter(
        instrument_id="redflags", variant="", submitted_at__isnull=True, answers={}
    ).select_related("questionnaire_set")
    for response in not_started:
        qset = response.questionnaire_set
        variant = "follow_up" if qset is not None and qset.kind == "follow_up" else "intake"
        response.instrument_version, response.variant = "2", variant
        response.save(update_fields=["instrument_version", "variant"])
        if qset is not None:
            qset.entries = [
                f"redflags:{variant}" if entry == "redflags" else entry for entry in qset.entries
            ]
            qset.save(update_fields=["entries"])


class Migration(migrations.Migration):
    dependencies = [("questionnaires", "0001_initial")]

    operations = [
        migrations.RenameField("response", "flag_tier", "flag_level"),
        migrations.AddField(
            model_name="schedule", name="min_answered", field=models.JSONField(default=dict)
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
