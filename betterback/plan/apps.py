from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "betterback.plan"
    label = "plan"
    verbose_name = "plan"
