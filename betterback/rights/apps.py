from django.apps import AppConfig


class RightsConfig(AppConfig):
    name = "betterback.rights"
    label = "rights"
