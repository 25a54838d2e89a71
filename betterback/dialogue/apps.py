from django.apps import AppConfig


class DialogueConfig(AppConfig):
    name = "betterback.dialogue"
    label = "dialogue"
