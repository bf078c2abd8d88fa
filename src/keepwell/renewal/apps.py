from django.apps import AppConfig


class RenewalConfig(AppConfig):
    name = "keepwell.renewal"
    label = "renewal"
