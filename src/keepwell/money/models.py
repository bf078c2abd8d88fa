from __future__ import annotations

from django.db import models

from keepwell.tenancy.models import TenantModel


class Currency(models.Model):
    """ISO 4217 reference data, shared by every tenant (like time zones, it belongs to no one)."""

    code = models.CharField(max_length=3, primary_key=True)
    name = models.CharField(max_length=100)
    minor_unit = models.PositiveSmallIntegerField(default=2)

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "currencies"

    def __str__(self) -> str:
        return self.code


class ExchangeRate(TenantModel):
    """1 ``base`` = ``rate`` × ``quote``, effective from ``date`` until the next row for the pair."""

    date = models.DateField()
    base = models.ForeignKey(
        Currency, on_delete=models.PROTECT, related_name="+", db_column="base", db_index=False
    )
    quote = models.ForeignKey(
        Currency, on_delete=models.PROTECT, related_name="+", db_column="quote", db_index=False
    )
    rate = models.DecimalField(max_digits=24, decimal_places=10)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "base", "quote", "date"], name="fx_rate_unique_per_day"
            ),
            models.CheckConstraint(condition=models.Q(rate__gt=0), name="fx_rate_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.date} 1 {self.base_id} = {self.rate} {self.quote_id}"
