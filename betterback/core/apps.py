from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "betterback.core"
    label = "core"
