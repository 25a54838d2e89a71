from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    name = "betterback.questionnaires"
    label = "questionnaires"
