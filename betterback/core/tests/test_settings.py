"""Production settings: refuse placeholder secrets, pass Django's deployment checks, and keep
SQLite durable."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.db.backends.sqlite3.base import DatabaseWrapper

from betterback.settings import PLACEHOLDER_SECRET_KEY, PROJECT_DIR


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
    "DJANGO_ALLOWED_HOSTS": "betterback.example.dk",
}


def test_the_deployment_checks_pass_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "secret", [None, "", PLACEHOLDER_SECRET_KEY, "short-secret", "a" * 60], ids=str
)
def test_it_refuses_to_start_without_a_real_secret_when_debug_is_off(secret):
    env = {**PRODUCTION}
    if secret is None:
        del env["DJANGO_SECRET_KEY"]
    else:
        env["DJANGO_SECRET_KEY"] = secret
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_a_malformed_boolean_fails_loudly():
    result = run_manage("check", DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG" in result.stderr


def test_sqlite_runs_in_wal_mode_with_full_sync(tmp_path, django_db_blocker):
    config = {
        **settings.DATABASES["default"],
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(tmp_path / "durable.sqlite3"),
        "OPTIONS": settings.SQLITE_OPTIONS,
        "TEST": {},
    }
    connection = DatabaseWrapper(config, alias="durability-check")
    with django_db_blocker.unblock():
        try:
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode")
                assert cursor.fetchone()[0] == "wal"
                cursor.execute("PRAGMA synchronous")
                assert cursor.fetchone()[0] == 2  # FULL
        finally:
            connection.close()
