"""Column-wise validation of a batch with Arrow compute kernels: no Python call per field per row.

Each column is converted with one vectorised cast; only when a cast fails does the batch fall back to
locating the failing values (by halving), and only those values get a Python-made reason. A row keeps
the first problem found (columns in file order, then checks across columns); the database adds
problems it alone can see (unknown references, duplicates) to rows that have none.

Accepted text, per kind of column:

* timestamp: ISO 8601, date and time separated by ``T`` (or a space), seconds and up to six
  fractional digits optional, and an offset (``Z``, ``+08:00``, ``+0800`` or ``+08``) required;
  stored in UTC with its microseconds.
* date ``YYYY-MM-DD``; month ``YYYY-MM``; whole numbers in decimal digits (optional ``-``);
  decimals with a ``.`` point (no thousands separators) within the column's digits and places.
* boolean: ``true``/``false`` or ``1``/``0`` (any case); empty means false.
* jurisdiction: an ISO 3166-1 country, optionally ``-`` and its ISO 3166-2 subdivision (any case,
  stored in capitals); China's former numeric subdivisions (``CN-11``) become the current ones.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TypeAlias

import pyarrow as pa
import pyarrow.compute as pc

from keepwell.interchange.entities import Column, Entity, Kind
from keepwell.interchange.readers import RawBatch

# ISO 3166-2:CN until 2017 numbered the provinces; the letters replaced them.
CHINA_LEGACY_SUBDIVISIONS = {
    "CN-11": "CN-BJ", "CN-12": "CN-TJ", "CN-13": "CN-HE", "CN-14": "CN-SX", "CN-15": "CN-NM",
    "CN-21": "CN-LN", "CN-22": "CN-JL", "CN-23": "CN-HL", "CN-31": "CN-SH", "CN-32": "CN-JS",
    "CN-33": "CN-ZJ", "CN-34": "CN-AH", "CN-35": "CN-FJ", "CN-36": "CN-JX", "CN-37": "CN-SD",
    "CN-41": "CN-HA", "CN-42": "CN-HB", "CN-43": "CN-HN", "CN-44": "CN-GD", "CN-45": "CN-GX",
    "CN-46": "CN-HI", "CN-50": "CN-CQ", "CN-51": "CN-SC", "CN-52": "CN-GZ", "CN-53": "CN-YN",
    "CN-54": "CN-XZ", "CN-61": "CN-SN", "CN-62": "CN-GS", "CN-63": "CN-QH", "CN-64": "CN-NX",
    "CN-65": "CN-XJ", "CN-71": "CN-TW", "CN-91": "CN-HK", "CN-92": "CN-MO",
}  # fmt: skip

TIMESTAMP_TYPE = pa.timestamp("us")  # naive, in UTC
_UTC_TIMESTAMP = pa.timestamp("us", tz="UTC")
_EARLIEST = pa.scalar(-62135596800000000, TIMESTAMP_TYPE)  # 0001-01-01T00:00:00
_LATEST = pa.scalar(253402300799999999, TIMESTAMP_TYPE)  # 9999-12-31T23:59:59.999999
_FIRST_DAY = pa.scalar(date(1, 1, 1), pa.date32())
_SHOWN = 60  # characters of a bad value quoted in a reason
_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
_JURISDICTION = r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$"
_MONTH = r"^\d{4}-\d{2}$"
_BOOLEAN_TRUE = pa.array(["true", "1"])
_BOOLEAN_ANY = pa.array(["true", "false", "1", "0"])
_CONTROL = re.compile(rb"[\x00-\x1f]")  # no id may hold a control character (tabs and line breaks included)
_LOOKS_ZONELESS = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?$")
_LOOKS_ZONED = re.compile(
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}(:\d{2}(:\d{2}(\.\d{1,6})?)?)?(Z|[+-]\d{2}(:?\d{2})?)$"
)


@dataclass(frozen=True)
class ReferenceData:
    """What validation checks codes against; read once per import, outside the batch loop."""

    currencies: pa.Array
    time_zones: pa.Array
    countries: pa.Array

    @classmethod
    def load(cls) -> ReferenceData:
        from keepwell.money.models import Currency

        return cls(
            currencies=pa.array(sorted(Currency.objects.values_list("code", flat=True)), pa.string()),
            time_zones=_time_zones(),
            countries=_countries(),
        )


@lru_cache(maxsize=1)
def _time_zones() -> pa.Array:
    return pa.array(sorted(zoneinfo.available_timezones()), pa.string())


@lru_cache(maxsize=1)
def _countries() -> pa.Array:
    from babel import Locale

    codes = {
        code
        for code in Locale("en").territories
        if isinstance(code, str) and len(code) == 2 and code.isalpha()
    }
    return pa.array(sorted(codes), pa.string())


Reason: TypeAlias = str | pa.Array | Callable[[], pa.Array]


@dataclass
class CheckedBatch:
    raw: RawBatch
    values: dict[str, pa.Array]  # by column: normalised, typed (see ``_convert``)
    error_column: pa.Array  # string: the first column at fault, null for a good row
    error_reason: pa.Array  # string

    def __len__(self) -> int:
        return len(self.raw.rows)


class _Problems:
    """The first problem of each row; later checks only mark rows that have none yet."""

    def __init__(self, count: int) -> None:
        self.column = pa.nulls(count, pa.string())
        self.reason = pa.nulls(count, pa.string())
        self.marked: pa.Array | None = None

    def add(self, mask: pa.Array, column: str, reason: Reason) -> None:
        """Mark the rows of ``mask``; ``reason`` may be a callable, only called when a row is marked."""
        if not pc.any(mask).as_py():
            return
        mask = pc.fill_null(mask, False)
        if self.marked is not None:
            mask = pc.and_(mask, pc.invert(self.marked))
            if not pc.any(mask).as_py():
                return
        if callable(reason):
            reason = reason()
        self.column = pc.if_else(mask, pa.scalar(column, pa.string()), self.column)
        self.reason = pc.if_else(
            mask, pa.scalar(reason, pa.string()) if isinstance(reason, str) else reason, self.reason
        )
        self.marked = mask if self.marked is None else pc.or_(self.marked, mask)


def _quoted(prefix: str, values: pa.Array, suffix: str = "") -> Callable[[], pa.Array]:
    """A reason quoting each row's value, built only if some row needs it."""

    def build() -> pa.Array:
        shown = pc.utf8_slice_codeunits(values, 0, _SHOWN)
        return pc.binary_join_element_wise(prefix + "'", shown, "'" + suffix, "")

    return build


def _failing(values: pa.Array, target: pa.DataType) -> list[int]:
    """Indices of the values that do not cast to ``target`` (found by halving the array)."""
    found: list[int] = []

    def visit(start: int, length: int) -> None:
        try:
            pc.cast(values.slice(start, length), target)
            return
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            pass
        if length <= 16:
            for index in range(start, start + length):
                try:
                    pc.cast(values.slice(index, 1), target)
                except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                    found.append(index)
            return
        half = length // 2
        visit(start, half)
        visit(start + half, length - half)

    visit(0, len(values))
    return found


def _cast(values: pa.Array, target: pa.DataType) -> tuple[pa.Array, list[int]]:
    """Cast, nulling what does not convert; also return the indices that did not."""
    try:
        return pc.cast(values, target), []
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass
    failing = _failing(values, target)
    mask = [False] * len(values)
    for index in failing:
        mask[index] = True
    cleaned = pc.if_else(pa.array(mask, pa.bool_()), pa.scalar(None, values.type), values)
    return pc.cast(cleaned, target), failing


def _reasons(
    values: pa.Array, failing: list[int], explain: Callable[[str], str]
) -> tuple[pa.Array, pa.Array]:
    """A mask of the failing indices and a reason for each (Python, for the failing values only)."""
    mask = [False] * len(values)
    reasons: list[str | None] = [None] * len(values)
    for index in failing:
        mask[index] = True
        reasons[index] = explain(values[index].as_py())
    return pa.array(mask, pa.bool_()), pa.array(reasons, pa.string())


def _explain_timestamp(text: str) -> str:
    if _LOOKS_ZONELESS.match(text):
        return f"{text[:_SHOWN]!r} has no UTC offset (write it as 2026-01-31T09:30:00+08:00 or …Z)"
    if _LOOKS_ZONED.match(text):
        return f"{text[:_SHOWN]!r} is not a real date and time"
    return (
        f"{text[:_SHOWN]!r} is not an ISO 8601 timestamp with an offset (such as 2026-01-31T09:30:00+08:00)"
    )


def _explain_integer(text: str) -> str:
    return f"{text[:_SHOWN]!r} is not a whole number"


def _explain_date(text: str) -> str:
    return f"{text[:_SHOWN]!r} is not a date (YYYY-MM-DD)"


def _decimal_explainer(column: Column) -> Callable[[str], str]:
    def explain(text: str) -> str:
        try:
            number = Decimal(text)
        except InvalidOperation:
            return f"{text[:_SHOWN]!r} is not a decimal number (digits and a '.', such as 1234.50)"
        if not number.is_finite():
            return f"{text[:_SHOWN]!r} is not a decimal number"
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and -exponent > column.places:
            return f"{text[:_SHOWN]!r} has more than {column.places} decimal places"
        return (
            f"{text[:_SHOWN]!r} is too large: at most {column.digits - column.places} digits before the point"
        )

    return explain


def _data(array: pa.Array) -> bytes:
    """The bytes of a string array's values (possibly with some outside a slice: a quick pre-check)."""
    buffers = array.buffers()
    data = buffers[2] if len(buffers) > 2 else None
    return b"" if data is None else data.to_pybytes()


def _has_byte(array: pa.Array, byte: bytes) -> bool:
    return byte in _data(array)


def check(entity: Entity, raw: RawBatch, reference: ReferenceData) -> CheckedBatch:
    """Validate and normalise one batch (see the module docstring for what each kind accepts)."""
    problems = _Problems(len(raw.rows))
    values: dict[str, pa.Array] = {}
    for column in entity.columns:
        text = raw.columns[column.name]
        if isinstance(text, pa.ChunkedArray):
            text = text.combine_chunks()
        values[column.name] = _convert(column, text, problems, reference)
    for rule in ENTITY_RULES.get(entity.name, ()):
        rule(values, problems)
    return CheckedBatch(raw=raw, values=values, error_column=problems.column, error_reason=problems.reason)


def _convert(column: Column, text: pa.Array, problems: _Problems, reference: ReferenceData) -> pa.Array:
    name = column.name
    if _has_byte(text, b"\x00"):
        # Rejected, and not staged: PostgreSQL text cannot hold NUL.
        nul = pc.match_substring(text, "\x00")
        problems.add(nul, name, "contains a NUL character")
        text = pc.if_else(nul, pa.scalar(None, pa.string()), text)
    present = pc.is_valid(text)
    if column.required:
        what = "missing id" if column.kind is Kind.ID else "missing value"
        problems.add(pc.invert(present), name, f"{what} (the column is required)")
    kind = column.kind
    if kind in (Kind.ID, Kind.REFERENCE, Kind.CODE) and _CONTROL.search(_data(text)):
        problems.add(pc.match_substring_regex(text, "[\\x00-\\x1f]"), name, "contains a control character")
    if kind in (Kind.ID, Kind.REFERENCE, Kind.TEXT, Kind.CODE, Kind.EMAIL):
        _check_length(column, text, problems)
        if kind is Kind.EMAIL:
            problems.add(
                pc.invert(pc.match_substring_regex(text, _EMAIL)),
                name,
                _quoted("", text, " is not an e-mail address"),
            )
        return text
    if kind is Kind.CHOICE:
        allowed = pa.array(column.choices, pa.string())
        unknown = pc.and_(present, pc.invert(pc.is_in(text, value_set=allowed)))
        problems.add(unknown, name, _quoted("", text, f" is not one of {', '.join(column.choices)}"))
        return text
    if kind is Kind.CURRENCY:
        unknown = pc.and_(present, pc.invert(pc.is_in(text, value_set=reference.currencies)))
        problems.add(unknown, name, _quoted("unknown currency ", text, " (an ISO 4217 code such as CNY)"))
        return text
    if kind is Kind.TIME_ZONE:
        unknown = pc.and_(present, pc.invert(pc.is_in(text, value_set=reference.time_zones)))
        problems.add(
            unknown, name, _quoted("unknown time zone ", text, " (an IANA name such as Asia/Shanghai)")
        )
        return text
    if kind is Kind.JURISDICTION:
        return _jurisdiction(column, text, present, problems, reference)
    if kind is Kind.TIMESTAMP:
        converted, failing = _cast(text, _UTC_TIMESTAMP)
        if failing:
            mask, reasons = _reasons(text, failing, _explain_timestamp)
            problems.add(mask, name, reasons)
        naive = converted.cast(TIMESTAMP_TYPE)
        outside = pc.or_(pc.less(naive, _EARLIEST), pc.greater(naive, _LATEST))
        problems.add(outside, name, _quoted("", text, " is outside the years 1 to 9999 in UTC"))
        return naive
    if kind is Kind.DATE:
        converted, failing = _cast(text, pa.date32())
        if failing:
            mask, reasons = _reasons(text, failing, _explain_date)
            problems.add(mask, name, reasons)
        problems.add(pc.less(converted, _FIRST_DAY), name, _quoted("", text, " is before the year 1"))
        return converted
    if kind is Kind.MONTH:
        shaped = pc.match_substring_regex(text, _MONTH)
        problems.add(pc.invert(shaped), name, _quoted("", text, " is not a month (YYYY-MM)"))
        first_days = pc.binary_join_element_wise(pc.if_else(shaped, text, "2000-01"), "-01", "")
        converted, failing = _cast(first_days, pa.date32())
        if failing:
            mask, reasons = _reasons(text, failing, lambda value: f"{value!r} is not a month (YYYY-MM)")
            problems.add(mask, name, reasons)
        problems.add(pc.less(converted, _FIRST_DAY), name, _quoted("", text, " is before the year 1"))
        return pc.if_else(shaped, converted, pa.scalar(None, pa.date32()))
    if kind is Kind.INTEGER:
        converted, failing = _cast(text, pa.int64())
        if failing:
            mask, reasons = _reasons(text, failing, _explain_integer)
            problems.add(mask, name, reasons)
        if column.minimum is not None:
            problems.add(pc.less(converted, column.minimum), name, _range_reason(column, text, low=True))
        if column.maximum is not None:
            problems.add(pc.greater(converted, column.maximum), name, _range_reason(column, text, low=False))
        return converted
    if kind is Kind.DECIMAL:
        converted, failing = _cast(text, pa.decimal128(column.digits, column.places))
        if failing:
            mask, reasons = _reasons(text, failing, _decimal_explainer(column))
            problems.add(mask, name, reasons)
        zero = pa.scalar(Decimal(0), pa.decimal128(column.digits, column.places))
        if column.positive:
            problems.add(pc.less_equal(converted, zero), name, _quoted("", text, " must be greater than 0"))
        else:
            problems.add(pc.less(converted, zero), name, _quoted("", text, " must not be negative"))
        return converted
    if kind is Kind.BOOLEAN:
        lowered = pc.utf8_lower(text)
        unknown = pc.and_(present, pc.invert(pc.is_in(lowered, value_set=_BOOLEAN_ANY)))
        problems.add(unknown, name, _quoted("", text, " is not true or false"))
        return pc.fill_null(pc.is_in(lowered, value_set=_BOOLEAN_TRUE), False)
    raise AssertionError(kind)


def _check_length(column: Column, text: pa.Array, problems: _Problems) -> None:
    # Bytes are never fewer than characters: count characters only when the bytes exceed the limit.
    if not pc.any(pc.greater(pc.binary_length(text), column.max_length)).as_py():
        return
    too_long = pc.greater(pc.utf8_length(text), column.max_length)
    problems.add(too_long, column.name, f"longer than {column.max_length} characters")


def _range_reason(column: Column, text: pa.Array, *, low: bool) -> Callable[[], pa.Array]:
    if column.minimum is not None and column.maximum is not None and column.maximum < 2**15:
        return _quoted("", text, f" must be between {column.minimum} and {column.maximum}")
    if low:
        return _quoted(
            "",
            text,
            " must not be negative" if column.minimum == 0 else f" must be at least {column.minimum}",
        )
    return _quoted("", text, f" is too large (at most {column.maximum})")


def _jurisdiction(
    column: Column, text: pa.Array, present: pa.Array, problems: _Problems, reference: ReferenceData
) -> pa.Array:
    name = column.name
    upper = pc.utf8_upper(text)
    legacy = pc.index_in(upper, value_set=pa.array(list(CHINA_LEGACY_SUBDIVISIONS), pa.string()))
    current = pa.array(list(CHINA_LEGACY_SUBDIVISIONS.values()), pa.string())
    normalised = pc.if_else(pc.is_valid(legacy), pc.take(current, pc.fill_null(legacy, 0)), upper)
    shaped = pc.match_substring_regex(normalised, _JURISDICTION)
    problems.add(
        pc.and_(present, pc.invert(shaped)),
        name,
        _quoted("", text, " is not a jurisdiction (a country such as DE, or with its subdivision: CN-BJ)"),
    )
    country = pc.utf8_slice_codeunits(normalised, 0, 2)
    problems.add(
        pc.and_(shaped, pc.invert(pc.is_in(country, value_set=reference.countries))),
        name,
        _quoted("unknown country in ", text, ""),
    )
    numeric_china = pc.match_substring_regex(normalised, r"^CN-\d+$")
    problems.add(numeric_china, name, _quoted("unknown former subdivision code ", text, " (use CN-BJ etc.)"))
    return normalised


def _contract_dates(values: dict[str, pa.Array], problems: _Problems) -> None:
    start, end = values["start_date"], values["end_date"]
    problems.add(pc.less(end, start), "end_date", "ends before the contract starts (start_date)")
    fixed_term = pc.equal(values["type"], "fixed_term")
    problems.add(pc.and_(fixed_term, pc.is_null(end)), "end_date", "a fixed-term contract needs an end date")


def _amount_needs_currency(values: dict[str, pa.Array], problems: _Problems) -> None:
    problems.add(
        pc.and_(pc.is_valid(values["amount"]), pc.is_null(values["currency"])),
        "currency",
        "missing: an amount needs its currency",
    )


ENTITY_RULES: dict[str, tuple[Callable[[dict[str, pa.Array], _Problems], None], ...]] = {
    "contracts": (_contract_dates,),
    "leads": (_amount_needs_currency,),
}
