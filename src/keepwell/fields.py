"""Model fields shared by KeepWell's apps."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.db import models

from keepwell.crypto import KeyRing


@lru_cache(maxsize=4)
def _key_ring(text: str) -> KeyRing:
    return KeyRing.parse(text)


def key_ring() -> KeyRing:
    return _key_ring(settings.ENCRYPTION_KEYS)


class EncryptedDecimalField(models.TextField):
    """A Decimal stored AES-256-GCM encrypted; the ciphertext is bound to ``app.model.field``."""

    def contribute_to_class(self, cls: Any, name: str, private_only: bool = False) -> None:
        super().contribute_to_class(cls, name, private_only)
        self._context = f"{cls._meta.app_label}.{cls._meta.model_name}.{name}"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Decimal | None:
        if value is None:
            return None
        return Decimal(key_ring().decrypt(value, context=self._context))

    def to_python(self, value: Any) -> Decimal | None:
        if value is None or isinstance(value, Decimal):
            return value
        try:
            return Decimal(str(value))
        except InvalidOperation as error:
            raise ValueError(f"{self.name}: {value!r} is not a decimal number") from error

    def get_prep_value(self, value: Any) -> str | None:
        number = self.to_python(value)
        if number is None:
            return None
        return key_ring().encrypt(str(number), context=self._context)
