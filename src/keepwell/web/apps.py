from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "keepwell.web"
    label = "web"
