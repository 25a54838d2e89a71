from django.core.management.base import BaseCommand

from betterback.questionnaires import reminders as questionnaire_emails
from betterback.selfcare import reminders as check_in_reminders


class Command(BaseCommand):
    help = (
        "Send the emails that are due: new follow-up questionnaires, questionnaire reminders and "
        "the patients' own check-in reminders. Safe to run every minute: each email is sent once."
    )

    def handle(self, *args, **options):
        sent = failed = 0
        for sender in (questionnaire_emails, check_in_reminders):
            outcome = sender.send_due()
            sent += outcome.sent
            failed += outcome.failed
        self.stdout.write(f"sent {sent}, failed {failed} (tried again next run)")
        if failed:
            self.stderr.write("Some emails could not be sent; see the log.")
