"""Pytest plugin loaded before Django settings: gives the test process a development environment.

Loaded with ``-p`` (see pyproject.toml) because pytest-django imports the settings before any
conftest.py runs.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")
# Playwright's sync API runs an event loop in the test thread; Django's live server is synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
