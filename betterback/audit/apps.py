from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "betterback.audit"
    label = "audit"
