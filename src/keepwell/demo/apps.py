from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "keepwell.demo"
    label = "demo"
