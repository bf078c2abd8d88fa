from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "keepwell.evaluation"
    label = "evaluation"
