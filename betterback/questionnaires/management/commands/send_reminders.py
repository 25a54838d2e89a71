from django.core.management.base import BaseCommand

from betterback.questionnaires.reminders import send_due


class Command(BaseCommand):
    help = (
        "Send the questionnaire emails that are due (new follow-up questionnaires, reminders). "
        "Safe to run every minute: each email is sent once."
    )

    def handle(self, *args, **options):
        outcome = send_due()
        self.stdout.write(f"sent {outcome.sent}, failed {outcome.failed} (tried again next run)")
        if outcome.failed:
            self.stderr.write("Some emails could not be sent; see the log.")
