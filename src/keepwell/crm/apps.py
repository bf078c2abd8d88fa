from django.apps import AppConfig


class CrmConfig(AppConfig):
    name = "keepwell.crm"
    label = "crm"
