from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "betterback.training"
    label = "training"

    def ready(self):
        # The course is checked with the pack by a system check (training.checks, betterback.E003).
        from betterback.training import checks  # noqa: F401
