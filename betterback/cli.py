"""The ``betterback`` console command: Django's management commands under the project's name,
e.g. ``betterback demo``, ``betterback migrate``, ``betterback runserver``."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "betterback.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["betterback", *sys.argv[1:]])
