from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "betterback.safety"
    label = "safety"
    verbose_name = "Safety"
