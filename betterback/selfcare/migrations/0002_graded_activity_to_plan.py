# GradedActivity now belongs to the plan app (plan/migrations/0001_initial.py); its table stays.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("selfcare", "0001_initial"),
        ("plan", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="GradedActivity")],
            database_operations=[],
        ),
    ]
