from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "keepwell.api"
    label = "api"
