from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "betterback.sharing"
    label = "sharing"
