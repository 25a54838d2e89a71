from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    name = "betterback.questionnaires"
    label = "questionnaires"

    def ready(self):
        from betterback.questionnaires import checks  # noqa: F401
