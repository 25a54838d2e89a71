"""The one settings module. Every value that differs between a laptop and production comes from
the environment (see docs/deployment.md for the full list)."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from betterback.env import env_bool, env_int, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent

DEBUG = env_bool("DJANGO_DEBUG", default=False)

# A key that is only ever good enough for a laptop. Production refuses it.
PLACEHOLDER_SECRET_KEY = "insecure-development-key-do-not-use-in-production"
SECRET_KEY = env_str("DJANGO_SECRET_KEY", default=PLACEHOLDER_SECRET_KEY if DEBUG else "")
if not DEBUG and (
    not SECRET_KEY
    or SECRET_KEY == PLACEHOLDER_SECRET_KEY
    or len(set(SECRET_KEY)) < 5
    or len(SECRET_KEY) < 50
):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a random value of at least 50 characters when "
        "DJANGO_DEBUG is off. Generate one with: python -c 'import secrets; "
        "print(secrets.token_urlsafe(64))'"
    )

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "betterback.core",
    "betterback.accounts",
    "betterback.audit",
    "betterback.clinics",
    "betterback.patients",
    "betterback.invitations",
    "betterback.content",
    "betterback.materials",
    "betterback.dialogue",
    "betterback.questionnaires",
    "betterback.plan",
    "betterback.selfcare",
    "betterback.learn",
    "betterback.printing",
    "betterback.exchange",
    "betterback.rights",
    "betterback.sharing",
    "betterback.training",
    "betterback.safety",
    "betterback.front",
    "betterback.reminders",
    "betterback.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "betterback.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "betterback.core.middleware.UserLanguageMiddleware",
    "betterback.safety.middleware.RegionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "betterback.urls"
WSGI_APPLICATION = "betterback.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

# Database: SQLite in the project folder unless DATABASE_URL says otherwise.
DATABASE_URL = env_str("DATABASE_URL", default=f"sqlite:///{PROJECT_DIR / 'betterback.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
SQLITE_OPTIONS = {
    # WAL lets readers work while one writer writes; FULL syncs every commit to disk, so a
    # check-in that the patient saw as saved survives a power cut.
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["betterback.accounts.backends.EmailBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "front:start"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling: this many failures for one email address within the window lock it for the
# window.
LOGIN_FAILURE_LIMIT = env_int("BETTERBACK_LOGIN_FAILURE_LIMIT", 5)
LOGIN_FAILURE_WINDOW_SECONDS = env_int("BETTERBACK_LOGIN_FAILURE_WINDOW_SECONDS", 15 * 60)

# Sessions live in the database so that logout ends them on the server. The expiry slides with
# every request; clinicians work on shared clinic computers, so theirs is shorter.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_SAVE_EVERY_REQUEST = True
CLINICIAN_SESSION_SECONDS = env_int("BETTERBACK_CLINICIAN_SESSION_SECONDS", 60 * 60)
PATIENT_SESSION_SECONDS = env_int("BETTERBACK_PATIENT_SESSION_SECONDS", 7 * 24 * 60 * 60)
SESSION_COOKIE_AGE = PATIENT_SESSION_SECONDS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

INVITATION_VALID_DAYS = env_int("BETTERBACK_INVITATION_VALID_DAYS", 14)

# Language: Danish first. A user's own choice wins, then the language cookie.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LANGUAGE_COOKIE_NAME = "betterback_language"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
# English dates as a Dane reads them (day first, 24-hour clock); Danish uses Django's own.
FORMAT_MODULE_PATH = "betterback.formats"
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Copenhagen"

STATIC_URL = "/static/"
STATIC_ROOT = PROJECT_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Email: printed to the console on a laptop, SMTP in production.
EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", default="localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", default=True)
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", default="BetterBack <noreply@localhost>")

# Security. Production sits behind a TLS proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 63072000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "betterback.core.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", default="INFO")},
}

BETTERBACK_DEMO_PASSWORD = "ryg-demo-2026"

# The address patients use, for links in emails sent by commands (which have no request).
BETTERBACK_SITE_URL = env_str("BETTERBACK_SITE_URL", default="http://127.0.0.1:8000")

# The toolkit's content pack; a region can point this at its own pack.
BETTERBACK_CONTENT_PACK = env_str(
    "BETTERBACK_CONTENT_PACK", default=str(PACKAGE_DIR / "content" / "pack")
)
# The clinicians' course (docs/course-format.md), checked against the content pack.
BETTERBACK_COURSE_PACK = env_str(
    "BETTERBACK_COURSE_PACK", default=str(PACKAGE_DIR / "training" / "course")
)
