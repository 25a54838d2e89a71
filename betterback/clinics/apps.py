from django.apps import AppConfig


class ClinicsConfig(AppConfig):
    name = "betterback.clinics"
    label = "clinics"
