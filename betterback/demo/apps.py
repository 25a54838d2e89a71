from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "betterback.demo"
    label = "demo"
