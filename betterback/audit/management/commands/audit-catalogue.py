from django.core.management.base import BaseCommand

from betterback.audit.catalogue import DOC, markdown


class Command(BaseCommand):
    help = "Write docs/audit.md, the catalogue of audit events and targets, from the code."

    def handle(self, *args, **options):
        DOC.write_text(markdown(), encoding="utf-8")
        self.stdout.write(f"Wrote {DOC}")
