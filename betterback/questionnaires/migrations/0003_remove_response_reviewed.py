from django.db import migrations


class Migration(migrations.Migration):
    """Who saw a warning sign now lives in safety.Alert (acknowledged_at, acknowledged_by)."""

    dependencies = [
        ("questionnaires", "0002_flag_level_and_redflags_v2"),
        ("safety", "0002_alerts_from_version_1_answers"),
    ]

    operations = [
        migrations.RemoveField(model_name="response", name="reviewed_at"),
        migrations.RemoveField(model_name="response", name="reviewed_by"),
    ]
