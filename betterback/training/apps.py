from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "betterback.training"
    label = "training"

    def ready(self):
        # Load the course at start-up, like the content pack: a broken course stops the app with a
        # message naming the file and field, not on the first clinician who opens it.
        from betterback.training.course import course

        course()
