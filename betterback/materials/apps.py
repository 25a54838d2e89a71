from django.apps import AppConfig


class MaterialsConfig(AppConfig):
    name = "betterback.materials"
    label = "materials"
