from django.apps import AppConfig


class InvitationsConfig(AppConfig):
    name = "betterback.invitations"
    label = "invitations"
