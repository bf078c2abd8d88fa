"""KeepWell settings, read from the environment.

Two deployment modes share this module:

* ``embedded`` (default): one machine, a SQLite file under ``./var/``, secrets generated on first run
  and kept in ``./var/`` with owner-only permissions.
* ``server``: PostgreSQL (``KEEPWELL_DATABASE_URL``), several stateless web processes; every secret
  must come from the environment and the process refuses to start without it.
"""

from __future__ import annotations

import base64
import os
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

SOURCE_DIR = Path(__file__).resolve().parent.parent


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _env_bool(name: str, default: bool) -> bool:
    value = _env(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {value!r}")


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in (_env(name, default) or "").split(",") if item.strip()]


MODE = _env("KEEPWELL_MODE", "embedded")
if MODE not in {"embedded", "server"}:
    raise ImproperlyConfigured(f"KEEPWELL_MODE must be 'embedded' or 'server', got {MODE!r}")

VAR_DIR = Path(_env("KEEPWELL_VAR_DIR", "var") or "var").resolve()


def _stored_secret(filename: str, generate: Callable[[], str]) -> str:
    """Return a secret kept in VAR_DIR, creating it (owner-only) on first use in embedded mode."""
    path = VAR_DIR / filename
    if path.exists():
        return path.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    value = generate()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(value + "\n")
    return value


def _secret(name: str, filename: str, generate: Callable[[], str]) -> str:
    value = _env(name)
    if value:
        return value
    if MODE == "server":
        raise ImproperlyConfigured(f"{name} is required in server mode")
    return _stored_secret(filename, generate)


SECRET_KEY = _secret("KEEPWELL_SECRET_KEY", "secret_key", lambda: secrets.token_urlsafe(50))
# Keys for field encryption at rest: "id:base64key,id:base64key"; the first one encrypts, all decrypt.
ENCRYPTION_KEYS = _secret(
    "KEEPWELL_ENCRYPTION_KEYS",
    "encryption_keys",
    lambda: "k1:" + base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
)

DEBUG = _env_bool("KEEPWELL_DEBUG", False)
ALLOWED_HOSTS = _env_list("KEEPWELL_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = _env_list("KEEPWELL_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "keepwell.tenancy",
    "keepwell.money",
    "keepwell.people",
    "keepwell.contracts",
    "keepwell.crm",
    "keepwell.audit",
    "keepwell.interchange",
    "keepwell.demo",
    "keepwell.legal",
    "keepwell.evaluation",
    "keepwell.renewal",
    "keepwell.web",
    "keepwell.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "keepwell.tenancy.middleware.TenantMiddleware",
]

ROOT_URLCONF = "keepwell.config.urls"
WSGI_APPLICATION = "keepwell.config.wsgi.application"

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
                "keepwell.tenancy.context_processors.tenancy",
            ],
        },
    },
]

DATABASE_URL = _env("KEEPWELL_DATABASE_URL") or f"sqlite:///{VAR_DIR / 'keepwell.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Test databases are files too (the metrics engine reads the database through DuckDB's own connection),
    # one per process so that concurrent test runs never share one.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"keepwell-test-{os.getpid()}.sqlite3")
    }
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = _env("KEEPWELL_LANGUAGE", "en") or "en"
LANGUAGES = [
    ("en", "English"),
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
    ("pt-br", "Português (Brasil)"),
    ("ru", "Русский"),
    ("vi", "Tiếng Việt"),
    ("th", "ไทย"),
]
LOCALE_PATHS = [SOURCE_DIR / "locale"]
TIME_ZONE = _env("KEEPWELL_TIME_ZONE", "UTC") or "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if MODE == "server":
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = _env_bool("KEEPWELL_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "KeepWell API",
    "DESCRIPTION": "Employees, contracts, CRM facts and evaluations of one tenant.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": _env("KEEPWELL_LOG_LEVEL", "WARNING")},
}
