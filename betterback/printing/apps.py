import logging

from django.apps import AppConfig


class PrintingConfig(AppConfig):
    name = "betterback.printing"
    label = "printing"

    def ready(self):
        # WeasyPrint reports each step of every PDF, and fontTools each font it unpacks, at INFO:
        # lines that say nothing to whoever reads the server's log. Their warnings still show.
        for name in ("weasyprint.progress", "fontTools"):
            logging.getLogger(name).setLevel(logging.WARNING)
