from django.apps import AppConfig


class SelfcareConfig(AppConfig):
    name = "betterback.selfcare"
    label = "selfcare"
