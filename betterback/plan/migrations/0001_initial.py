# The graded steps moved from the selfcare app to the plan app. The table stays where it is
# (selfcare_gradedactivity): only Django's idea of which app owns it changes.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("patients", "0001_initial"),
        ("selfcare", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="GradedActivity",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("action_key", models.CharField(max_length=40)),
                        (
                            "unit",
                            models.CharField(
                                choices=[("minutes", "minutes"), ("repetitions", "repetitions")],
                                max_length=20,
                            ),
                        ),
                        (
                            "baseline",
                            models.PositiveIntegerField(
                                help_text="What the patient manages on an ordinary day."
                            ),
                        ),
                        ("starts_on", models.DateField()),
                        ("steps", models.JSONField(default=list)),
                        ("changed_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "changed_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "patient",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="graded_activities",
                                to="patients.patient",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "selfcare_gradedactivity",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("patient", "action_key"), name="one_grading_per_action"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
