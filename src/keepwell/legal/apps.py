from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "keepwell.legal"
    label = "legal"
