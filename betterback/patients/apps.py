from django.apps import AppConfig


class PatientsConfig(AppConfig):
    name = "betterback.patients"
    label = "patients"
