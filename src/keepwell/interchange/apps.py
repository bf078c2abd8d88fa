from django.apps import AppConfig


class InterchangeConfig(AppConfig):
    name = "keepwell.interchange"
    label = "interchange"
