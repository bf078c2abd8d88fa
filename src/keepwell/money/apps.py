from django.apps import AppConfig


class MoneyConfig(AppConfig):
    name = "keepwell.money"
    label = "money"
