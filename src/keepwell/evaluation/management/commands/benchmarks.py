from keepwell.evaluation.management.commands import metrics


class Command(metrics.Command):
    help = "Export stored benchmarks: one row per comparison group × month × metric."
    kind = "benchmarks"
