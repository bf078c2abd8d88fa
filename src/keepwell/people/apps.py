from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "keepwell.people"
    label = "people"
