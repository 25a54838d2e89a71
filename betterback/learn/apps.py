from django.apps import AppConfig


class LearnConfig(AppConfig):
    name = "betterback.learn"
    label = "learn"
