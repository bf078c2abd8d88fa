from django.apps import AppConfig


class ContractsConfig(AppConfig):
    name = "keepwell.contracts"
    label = "contracts"
