from django.core.management.base import BaseCommand

from betterback.core.mail import Outcome
from betterback.questionnaires import reminders as questionnaire_emails
from betterback.safety import notify as alert_emails
from betterback.selfcare import reminders as check_in_reminders


class Command(BaseCommand):
    help = (
        "Send the emails that are due: urgent warning-sign alerts to clinicians (and their "
        "escalation to the clinic administrator), new follow-up questionnaires, questionnaire "
        "reminders and the patients' own check-in reminders. Run it every minute: each email is "
        "sent once."
    )

    def handle(self, *args, **options):
        outcome = Outcome()
        # Alerts first: they are the emails that cannot wait.
        for sender in (alert_emails, questionnaire_emails, check_in_reminders):
            outcome += sender.send_due()
        sent, failed = outcome.sent, outcome.failed
        self.stdout.write(
            f"sent {sent}, failed {failed}" + (" (tried again next run)" if failed else "")
        )
        if failed:
            self.stderr.write("Some emails could not be sent; see the log.")
