from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "keepwell.tenancy"
    label = "tenancy"
    verbose_name = "Tenancy"
