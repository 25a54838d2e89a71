from django.apps import AppConfig


class RemindersConfig(AppConfig):
    """`betterback send_reminders`: the one command that sends every email that is due, from the
    apps that own them (safety.notify, questionnaires.reminders, selfcare.reminders)."""

    name = "betterback.reminders"
    label = "reminders"
