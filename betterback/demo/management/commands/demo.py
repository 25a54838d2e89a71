from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from betterback.demo.services import demo_exists, load_demo


class Command(BaseCommand):
    help = "Load (or reset) the demo clinics and accounts. Refused when DEBUG is off."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Only load when the demo accounts do not exist yet (keeps what you changed).",
        )

    def handle(self, *args, if_missing=False, **options):
        if not settings.DEBUG:
            raise CommandError("Demo data is for development only: set DJANGO_DEBUG=1.")
        if if_missing and demo_exists():
            self.stdout.write("Demo data is already there; keeping it.")
            return
        load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                "Demo data loaded. Log in as lise@demo.example, karim@demo.example, "
                "admin@demo.example, peter@demo.example or maja@demo.example with the password "
                f"{settings.BETTERBACK_DEMO_PASSWORD}."
            )
        )
