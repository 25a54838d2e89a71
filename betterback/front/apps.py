from django.apps import AppConfig


class FrontConfig(AppConfig):
    """The pages that gather from every app: where each person starts, and what needs them."""

    name = "betterback.front"
    label = "front"
