"""Italy: expiry and renewal of fixed-term contracts under Legislative Decree 81/2015.

Sources: Legislative Decree (D.Lgs.) 81/2015 Arts 19-24 as amended by Decree-Law (DL) 87/2018 ("Decreto
Dignità") and DL 48/2023 (in force 2023-05-05; the reason stated by the parties allowed until 2026-12-31
under the conversion law of DL 95/2025); Civil Code Art 2120 (TFR); as summarised in RULES.md §10 and §20.5.

What the pack reads from the request:

- ``contracts``: every fixed-term contract with the employer counts (the pack assumes the same level and
  category). Adjacent entries (the next starting the day after the previous ends) are one contract and its
  extensions ("proroghe"); an entry after a gap is a renewal ("rinnovo"), a new contract.
- ``contracts[].objective_reason``: the reason ("causale") needed beyond 12 months; null means none. An
  extension without its own reason takes its contract's. Reasons naming substitution (sostituzione) or a
  collective agreement (contratto collettivo, CCNL) are told apart from reasons the parties identified.
- ``statuses``: ``pregnant``, ``maternity_leave`` (do not stop expiry); other kinds are reported as not
  considered.
- ``facts``: ``seasonal_work`` and ``collective_agreement_waives_minimum_gap`` (no minimum gap),
  ``sector_agreement_overrides_defaults`` (a collective agreement sets another total),
  ``continued_working_after_expiry_days``, ``proposed_contract_objective_reason`` (a renewal's reason).
- ``decision``: a ``renew_fixed_term`` dated the day after expiry is an extension; a later date is a
  renewal, subject to the minimum gap.

Nothing is owed on expiry (the end-of-service fund, TFR, is paid on any exit), so ``severance`` stays null,
and no notice is due. No regional variants.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from keepwell.law.i18n import Plural, gettext_noop
from keepwell.law.parameters import constant
from keepwell.law.reading import folded, matching_kind
from keepwell.law.registry import Pack
from keepwell.law.rules import Case, Outcome, Rule, StatusScopeRule, format_decimal
from keepwell.law.service import (
    ONE_DAY,
    add_months,
    day_count,
    extension_runs,
    first_day_past_days,
    period_days,
    period_last_day,
    service_length,
)
from keepwell.law.types import Action, Confidence, Contract, Facts, Field, Severity

PACK_FROM = date(2023, 5, 5)  # DL 48/2023

# --- Dated parameters ------------------------------------------------------------------------------------

FREE_MONTHS = constant("it.free_months", PACK_FROM, 12, citation="D.Lgs. 81/2015 Art 19(1)")
MAX_MONTHS = constant("it.max_months", PACK_FROM, 24, citation="D.Lgs. 81/2015 Art 19(2)")
LABOUR_INSPECTORATE_EXTRA_MONTHS = constant(
    "it.labour_inspectorate_extra_months", PACK_FROM, 12, citation="D.Lgs. 81/2015 Art 19(3)"
)
PARTIES_REASON_UNTIL = constant(
    "it.parties_reason_until", PACK_FROM, date(2026, 12, 31), citation="D.Lgs. 81/2015 Art 19(1)(b)"
)
MAX_EXTENSIONS = constant("it.max_extensions", PACK_FROM, 4, citation="D.Lgs. 81/2015 Art 21(1)")
SHORT_CONTRACT_MONTHS = constant(
    "it.short_contract_months", PACK_FROM, 6, citation="D.Lgs. 81/2015 Art 21(2)"
)
GAP_AFTER_SHORT_DAYS = constant("it.gap_after_short_days", PACK_FROM, 10, citation="D.Lgs. 81/2015 Art 21(2)")
GAP_AFTER_LONG_DAYS = constant("it.gap_after_long_days", PACK_FROM, 20, citation="D.Lgs. 81/2015 Art 21(2)")
SURCHARGE_FIRST_DAYS = constant("it.surcharge_first_days", PACK_FROM, 10, citation="D.Lgs. 81/2015 Art 22(1)")
SURCHARGE_FIRST_RATE = constant(
    "it.surcharge_first_rate", PACK_FROM, Decimal("0.20"), citation="D.Lgs. 81/2015 Art 22(1)"
)
SURCHARGE_LATER_RATE = constant(
    "it.surcharge_later_rate", PACK_FROM, Decimal("0.40"), citation="D.Lgs. 81/2015 Art 22(1)"
)
CONTINUED_LIMIT_SHORT_DAYS = constant(
    "it.continued_limit_short_days", PACK_FROM, 30, citation="D.Lgs. 81/2015 Art 22(2)"
)
CONTINUED_LIMIT_LONG_DAYS = constant(
    "it.continued_limit_long_days", PACK_FROM, 50, citation="D.Lgs. 81/2015 Art 22(2)"
)
PRIORITY_SERVICE_MONTHS = constant(
    "it.priority_service_months", PACK_FROM, 6, citation="D.Lgs. 81/2015 Art 24"
)
PRIORITY_PERIOD_MONTHS = constant(
    "it.priority_period_months", PACK_FROM, 12, citation="D.Lgs. 81/2015 Art 24"
)
PRIORITY_CLAIM_MONTHS = constant("it.priority_claim_months", PACK_FROM, 6, citation="D.Lgs. 81/2015 Art 24")
PRIORITY_CLAIM_SEASONAL_MONTHS = constant(
    "it.priority_claim_seasonal_months", PACK_FROM, 3, citation="D.Lgs. 81/2015 Art 24"
)
TFR_DIVISOR = constant("it.tfr_divisor", PACK_FROM, Decimal("13.5"), citation="Civil Code Art 2120")

SUBSTITUTION_KEYWORDS = ("sostituz", "substitut", "replac", "absent")
COLLECTIVE_KEYWORDS = ("collettiv", "collective", "ccnl")

# --- Messages (English templates, translated through the catalogues) ---------------------------------

GAP_TOO_SHORT = Plural(
    "gap",
    one=Plural(
        "previous_months",
        one=gettext_noop(
            "contracts[%(index)s] starts %(gap)s day after the previous contract ended on "
            "%(previous_end)s; after a contract of %(previous_months)s month it had to wait at least "
            "%(days)s days: it is open-ended from %(start)s."
        ),
        other=gettext_noop(
            "contracts[%(index)s] starts %(gap)s day after the previous contract ended on "
            "%(previous_end)s; after a contract of %(previous_months)s months it had to wait at least "
            "%(days)s days: it is open-ended from %(start)s."
        ),
    ),
    other=Plural(
        "previous_months",
        one=gettext_noop(
            "contracts[%(index)s] starts %(gap)s days after the previous contract ended on "
            "%(previous_end)s; after a contract of %(previous_months)s month it had to wait at least "
            "%(days)s days: it is open-ended from %(start)s."
        ),
        other=gettext_noop(
            "contracts[%(index)s] starts %(gap)s days after the previous contract ended on "
            "%(previous_end)s; after a contract of %(previous_months)s months it had to wait at least "
            "%(days)s days: it is open-ended from %(start)s."
        ),
    ),
)
GAP_EXEMPT = Plural(
    "gap",
    one=gettext_noop(
        "contracts[%(index)s] starts %(gap)s day after the previous contract, less than the "
        "%(days)s-day gap, but seasonal work or a collective agreement removes that requirement."
    ),
    other=gettext_noop(
        "contracts[%(index)s] starts %(gap)s days after the previous contract, less than the "
        "%(days)s-day gap, but seasonal work or a collective agreement removes that requirement."
    ),
)
TOO_MANY_EXTENSIONS = gettext_noop(
    "contracts[%(index)s], starting %(start)s, is extension number %(number)s; at most %(max_extensions)s "
    "are allowed within %(max_months)s months: the contract is open-ended from %(start)s."
)
REASON_MISSING = gettext_noop(
    "Fixed-term employment with this employer passes %(months)s months on %(from_date)s, but "
    "contracts[%(index)s] states no reason: it is open-ended from %(conversion)s."
)
REASON_WINDOW_CLOSED = gettext_noop(
    "contracts[%(index)s] starts after %(until)s, when reasons identified by the parties stopped being "
    "enough; a reason must come from a collective agreement or be a substitution. Check where the reason "
    "comes from."
)
REASON_STATED = gettext_noop(
    "Beyond %(months)s months each contract states a reason; the pack takes it as stated (from a collective "
    "agreement, technical, organisational or production needs identified by the parties until %(until)s, "
    "or substitution)."
)
TOTAL_EXCEEDED = gettext_noop(
    "Fixed-term employment with this employer passes %(months)s months on %(from_date)s: the contract is "
    "open-ended from that day."
)
TOTAL_LABOUR_INSPECTORATE = gettext_noop(
    "contracts[%(index)s] begins after %(months)s months of fixed-term employment; one further contract of "
    "up to %(extra_months)s months is lawful only if signed at the Labour Inspectorate. Whether it was is "
    "not recorded."
)
TOTAL_AGREEMENT = gettext_noop(
    "A collective agreement may set another total than %(months)s months; the total was not checked."
)
WITHIN_LIMITS = Plural(
    "days",
    one=gettext_noop(
        "Fixed-term employment with this employer totals %(days)s day (%(months)s months end after "
        "%(limit_days)s days); no gap, extension or reason rule is broken."
    ),
    other=gettext_noop(
        "Fixed-term employment with this employer totals %(days)s days (%(months)s months end after "
        "%(limit_days)s days); no gap, extension or reason rule is broken."
    ),
)
CONTINUED_SURCHARGE = Plural(
    "days",
    one=gettext_noop(
        "The employee worked %(days)s day after expiry: pay for that day rises by %(first_rate)s%% for "
        "the first %(first_days)s days (%(days_first)s) and by %(later_rate)s%% after "
        "(%(days_later)s)."
    ),
    other=gettext_noop(
        "The employee worked %(days)s days after expiry: pay for those days rises by %(first_rate)s%% "
        "for the first %(first_days)s days (%(days_first)s) and by %(later_rate)s%% after "
        "(%(days_later)s)."
    ),
)
CONTINUED_CONVERTS = gettext_noop(
    "Working more than %(limit)s days after expiry makes the contract open-ended from %(from_date)s."
)
CONVERTED = gettext_noop(
    "The contract is open-ended: it does not end on %(expiry)s, and ending it would be a dismissal."
)
UNDECIDED = gettext_noop(
    "Whether the contract is open-ended cannot be told from the facts given, so whether it ends on "
    "%(expiry)s is open."
)
ENDS_AT_EXPIRY = gettext_noop(
    "The fixed-term contract ends on %(expiry)s without notice; nothing in the facts given stops that."
)
NO_PAYMENT = gettext_noop(
    "No payment is specific to the end of a fixed term; the end-of-service fund (TFR: each year's pay / "
    "%(divisor)s, revalued) is paid on any exit."
)
PRIORITY_RIGHT = gettext_noop(
    "After more than %(service_months)s months of fixed-term work the employee has priority for permanent "
    "hires into the same duties for %(period_months)s months, if claimed in writing by %(deadline)s."
)
NEXT_CONTRACT_LIMITED = gettext_noop(
    "After %(months)s months of fixed-term employment, a further fixed term is lawful only as one contract "
    "of up to %(extra_months)s months signed at the Labour Inspectorate."
)
RENEWAL_LAWFUL = gettext_noop(
    "The proposed contract to %(new_end)s keeps fixed-term employment within %(months)s months (last day "
    "%(limit)s) and meets the gap, extension and reason rules."
)
RENEWAL_TOO_SOON = Plural(
    "gap",
    one=gettext_noop(
        "A renewal from %(start)s comes %(gap)s day after the contract ends; at least %(days)s are "
        "required, so it would be open-ended."
    ),
    other=gettext_noop(
        "A renewal from %(start)s comes %(gap)s days after the contract ends; at least %(days)s are "
        "required, so it would be open-ended."
    ),
)
RENEWAL_TOO_MANY = gettext_noop(
    "The extension would be number %(number)s; at most %(max_extensions)s are allowed."
)
RENEWAL_TOO_LONG = gettext_noop(
    "The proposed contract to %(new_end)s takes fixed-term employment past %(months)s months (last day "
    "%(limit)s); only one further contract signed at the Labour Inspectorate can go beyond."
)
RENEWAL_NEEDS_REASON = gettext_noop(
    "The proposed contract takes fixed-term employment past %(months)s months, so it needs a reason; none "
    "is stated (proposed_contract_objective_reason)."
)
RENEWAL_REASON_WINDOW = gettext_noop(
    "The proposed contract starts after %(until)s, when reasons identified by the parties stopped being "
    "enough; check that the reason comes from a collective agreement or is a substitution."
)
NEW_END_DATE_NEEDED = gettext_noop(
    "Give decision.new_end_date to check the proposed contract against the limits."
)
ALREADY_OPEN_ENDED = gettext_noop(
    "The contract is already open-ended, so another fixed term cannot be agreed."
)
NO_NEW_PROBATION = gettext_noop("A renewal for the same duties cannot set a new probation period.")
OPEN_ENDED_RENEWAL = gettext_noop("An open-ended contract meets D.Lgs. 81/2015.")
NO_NOTICE = gettext_noop("No notice is needed before a fixed-term contract ends at expiry.")
STATUS_DOES_NOT_BLOCK = gettext_noop(
    "Status %(kind)s does not stop the contract from ending on %(expiry)s: the ban on dismissal during "
    "pregnancy does not apply to expiry."
)
STATUS_NOT_CONSIDERED = gettext_noop("Status %(kind)s is not considered by the Italy rule pack.")


# --- Shared computations --------------------------------------------------------------------------------


def reason_outlives_window(reason: str) -> bool:
    """True for a reason still valid after the parties' window: substitution or a collective agreement."""
    table = (("substitution", SUBSTITUTION_KEYWORDS), ("collective agreement", COLLECTIVE_KEYWORDS))
    return matching_kind(folded(reason), table) is not None


@dataclass(frozen=True)
class Entry:
    """One fixed-term entry of the history with its place in its contract and the reason that covers it."""

    index: int  # in ``employee.contracts``
    contract: Contract
    run: int  # which contract (first entry and its extensions) it belongs to
    extension: int  # 0 for a contract's first entry, n for its n-th extension
    reason: str | None

    @property
    def start(self) -> date:
        return self.contract.start

    @property
    def end(self) -> date:
        end = self.contract.end
        assert end is not None  # parsing refuses a fixed-term contract without an end
        return end

    @property
    def days(self) -> int:
        return day_count(self.start, self.end)


def entries_of(contracts: tuple[Contract, ...]) -> list[Entry]:
    """The fixed-term entries, grouped into contracts and extensions; an extension inherits its reason."""
    entries: list[Entry] = []
    for run, indexes in enumerate(extension_runs(contracts)):
        reason: str | None = None
        for extension, index in enumerate(indexes):
            contract = contracts[index]
            reason = contract.objective_reason or (reason if extension else None)
            entries.append(Entry(index, contract, run, extension, reason))
    return entries


def exceeded_on(entries: list[Entry], months: int) -> tuple[date, int] | None:
    """The first day fixed-term employment passes ``months`` months, gaps left out, and the position of the
    entry that holds it.

    The entries are laid end to end from the first start, so a gapless history is counted on the calendar;
    ``months`` months then hold as many days as the calendar gives from the first start.
    """
    if not entries:
        return None
    allowed = period_days(entries[0].start, months)
    return first_day_past_days([(entry.start, entry.end) for entry in entries], allowed)


def run_months(entries: list[Entry], run: int) -> tuple[int, bool]:
    """Whole months of one contract (with extensions) and whether it lasted more than that."""
    members = [entry for entry in entries if entry.run == run]
    length = service_length(members[0].start, members[-1].end)
    return length.total_months, bool(length.days)


def required_gap(entries: list[Entry], run: int, on: date) -> tuple[int, int]:
    """Art 21(2): the days a new contract must wait after contract ``run``, and that contract's months."""
    months, more = run_months(entries, run)
    short = months < SHORT_CONTRACT_MONTHS.at(on) or (months == SHORT_CONTRACT_MONTHS.at(on) and not more)
    return (GAP_AFTER_SHORT_DAYS.at(on) if short else GAP_AFTER_LONG_DAYS.at(on)), months


def gap_exempt(facts: Facts) -> bool:
    return (
        facts.boolean("seasonal_work") is True
        or facts.boolean("collective_agreement_waives_minimum_gap") is True
    )


# --- Rules ----------------------------------------------------------------------------------------------


class MinimumGapRule(Rule):
    """D.Lgs. 81/2015 Art 21(2): 10 days after a contract of up to 6 months, 20 after a longer one."""

    code = "it.dlgs81.art21_2"
    citation = "D.Lgs. 81/2015 Art 21(2)"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        entries = entries_of(case.employee.contracts)
        for position in range(1, len(entries)):
            entry, previous = entries[position], entries[position - 1]
            if entry.extension or previous.index != entry.index - 1:
                continue  # an extension, or an open-ended contract in between
            days, months = required_gap(entries, previous.run, case.on)
            gap = (entry.start - previous.end).days - 1
            if gap >= days:
                continue
            if gap_exempt(case.facts):
                yield self.finding(
                    "it.dlgs81.art21_2.gap_exempt",
                    Severity.INFO,
                    GAP_EXEMPT,
                    index=entry.index,
                    gap=gap,
                    days=days,
                )
                continue
            yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
            yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, entry.start)
            yield self.finding(
                "it.dlgs81.art21_2.gap_too_short",
                Severity.MUST,
                GAP_TOO_SHORT,
                index=entry.index,
                gap=gap,
                previous_end=previous.end,
                previous_months=months,
                days=days,
                start=entry.start,
            )
            return


class ExtensionsRule(Rule):
    """D.Lgs. 81/2015 Art 21(1): at most 4 extensions within 24 months; a 5th makes it open-ended."""

    code = "it.dlgs81.art21_1"
    citation = "D.Lgs. 81/2015 Art 21(1)"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        on = case.on
        max_extensions = MAX_EXTENSIONS.at(on)
        for entry in entries_of(case.employee.contracts):
            if entry.extension != max_extensions + 1:
                continue
            yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
            yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, entry.start)
            yield self.finding(
                "it.dlgs81.art21_1.too_many_extensions",
                Severity.MUST,
                TOO_MANY_EXTENSIONS,
                index=entry.index,
                start=entry.start,
                number=entry.extension,
                max_extensions=max_extensions,
                max_months=MAX_MONTHS.at(on),
            )
            return


class ReasonRule(Rule):
    """D.Lgs. 81/2015 Art 19(1), (1-bis) and 21(1): beyond 12 months each contract and extension needs a
    reason; without one it is open-ended from the day the 12 months are passed."""

    code = "it.dlgs81.art19_1"
    citation = "D.Lgs. 81/2015 Art 19(1)"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        on = case.on
        entries = entries_of(case.employee.contracts)
        months = FREE_MONTHS.at(on)
        passed = exceeded_on(entries, months)
        if passed is None:
            return
        from_date, position = passed
        until = PARTIES_REASON_UNTIL.at(on)
        window_closed: Entry | None = None
        for entry in entries[position:]:
            if entry.reason is None:
                conversion = max(entry.start, from_date)
                yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
                yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, conversion)
                yield self.finding(
                    "it.dlgs81.art19_1.reason_missing",
                    Severity.MUST,
                    REASON_MISSING,
                    months=months,
                    from_date=from_date,
                    index=entry.index,
                    conversion=conversion,
                )
                return
            if window_closed is None and entry.start > until and not reason_outlives_window(entry.reason):
                window_closed = entry
        if window_closed is not None:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, None, Confidence.MEDIUM)
            yield self.finding(
                "it.dlgs81.art19_1.reason_window_closed",
                Severity.SHOULD,
                REASON_WINDOW_CLOSED,
                index=window_closed.index,
                until=until,
            )
            return
        yield self.finding(
            "it.dlgs81.art19_1.reason_stated", Severity.INFO, REASON_STATED, months=months, until=until
        )


class TotalDurationRule(Rule):
    """D.Lgs. 81/2015 Art 19(2) and (3): 24 months in all, then one contract at the Labour Inspectorate."""

    code = "it.dlgs81.art19_2"
    citation = "D.Lgs. 81/2015 Art 19(2)"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        on = case.on
        entries = entries_of(case.employee.contracts)
        months = MAX_MONTHS.at(on)
        passed = exceeded_on(entries, months)
        if passed is None:
            if not case.concluded(Field.AUTOMATIC_CONVERSION):
                yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
                first = entries[0].start
                yield self.finding(
                    "it.dlgs81.art19.within_limits",
                    Severity.INFO,
                    WITHIN_LIMITS,
                    days=sum(entry.days for entry in entries),
                    months=months,
                    limit_days=period_days(first, months),
                )
            return
        if case.facts.boolean("sector_agreement_overrides_defaults") is True:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, None, Confidence.MEDIUM)
            yield self.finding(
                "it.dlgs81.art19_2.agreement_total", Severity.SHOULD, TOTAL_AGREEMENT, months=months
            )
            return
        from_date, position = passed
        entry = entries[position]
        extra = LABOUR_INSPECTORATE_EXTRA_MONTHS.at(on)
        started_after = entry.extension == 0 and entry.start >= from_date
        if (
            started_after
            and entry.end <= period_last_day(entry.start, extra)
            and position == len(entries) - 1
        ):
            yield self.conclude(Field.AUTOMATIC_CONVERSION, None, Confidence.MEDIUM)
            yield self.finding(
                "it.dlgs81.art19_3.labour_inspectorate",
                Severity.SHOULD,
                TOTAL_LABOUR_INSPECTORATE,
                citation="D.Lgs. 81/2015 Art 19(3)",
                index=entry.index,
                months=months,
                extra_months=extra,
            )
            return
        yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
        yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, from_date)
        yield self.finding(
            "it.dlgs81.art19_2.total_exceeded",
            Severity.MUST,
            TOTAL_EXCEEDED,
            months=months,
            from_date=from_date,
        )


class ContinuedWorkRule(Rule):
    """D.Lgs. 81/2015 Art 22: surcharges for work after expiry; beyond day 30 or 50, open-ended."""

    code = "it.dlgs81.art22"
    citation = "D.Lgs. 81/2015 Art 22"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        days = case.facts.count("continued_working_after_expiry_days")
        if not days:
            return
        on, expiry = case.on, case.expiry
        first_days = SURCHARGE_FIRST_DAYS.at(on)
        yield self.finding(
            "it.dlgs81.art22.surcharge",
            Severity.MUST,
            CONTINUED_SURCHARGE,
            citation="D.Lgs. 81/2015 Art 22(1)",
            days=days,
            first_rate=format_decimal(SURCHARGE_FIRST_RATE.at(on) * 100),
            first_days=first_days,
            days_first=min(days, first_days),
            later_rate=format_decimal(SURCHARGE_LATER_RATE.at(on) * 100),
            days_later=max(days - first_days, 0),
        )
        entries = entries_of(case.employee.contracts)
        months, _ = run_months(entries, entries[-1].run)
        # "Under 6 months" is strict here (Art 22(2)), unlike "up to 6 months" in Art 21(2).
        short = months < SHORT_CONTRACT_MONTHS.at(on)
        limit = CONTINUED_LIMIT_SHORT_DAYS.at(on) if short else CONTINUED_LIMIT_LONG_DAYS.at(on)
        if days <= limit:
            return
        from_date = expiry + timedelta(days=limit + 1)
        yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
        yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, from_date)
        yield self.finding(
            "it.dlgs81.art22.continued_work_converts",
            Severity.MUST,
            CONTINUED_CONVERTS,
            citation="D.Lgs. 81/2015 Art 22(2)",
            limit=limit,
            from_date=from_date,
        )


class EndingRule(Rule):
    """Expiry ends a valid fixed term without notice or payment; an open-ended contract does not end so."""

    code = "it.dlgs81.art19.ending"
    citation = "D.Lgs. 81/2015 Art 19"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        action, expiry, on = case.decision.action, case.expiry, case.on
        state = case.concluded_flag(Field.AUTOMATIC_CONVERSION)
        yield self.conclude(Field.LAST_NOTICE_DATE, None)
        if state is True:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, True)
        elif state is False:
            yield from self._next_contract(case)
        if action is Action.RENEW_OPEN_ENDED:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding("it.dlgs81.open_ended_renewal", Severity.INFO, OPEN_ENDED_RENEWAL)
        if action is not Action.NOT_RENEW:
            return
        if state is True:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, False)
            yield self.finding("it.dlgs81.converted", Severity.MUST, CONVERTED, expiry=expiry)
        elif state is None:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
            yield self.finding("it.dlgs81.undecided", Severity.SHOULD, UNDECIDED, expiry=expiry)
        else:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
            yield self.finding("it.dlgs81.ends_at_expiry", Severity.INFO, ENDS_AT_EXPIRY, expiry=expiry)
        yield self.finding("it.notice.none_at_expiry", Severity.INFO, NO_NOTICE)
        yield self.finding(
            "it.cc.art2120.tfr_on_any_exit",
            Severity.INFO,
            NO_PAYMENT,
            citation="Civil Code Art 2120",
            divisor=TFR_DIVISOR.at(on),
        )

    def _next_contract(self, case: Case) -> Iterator[Outcome]:
        on = case.on
        entries = entries_of(case.employee.contracts)
        months = MAX_MONTHS.at(on)
        first = entries[0].start
        allowed = period_days(first, months)
        if sum(entry.days for entry in entries) < allowed:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False)
            return
        yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, None)
        yield self.finding(
            "it.dlgs81.art19_3.only_at_labour_inspectorate",
            Severity.INFO,
            NEXT_CONTRACT_LIMITED,
            citation="D.Lgs. 81/2015 Art 19(3)",
            months=months,
            extra_months=LABOUR_INSPECTORATE_EXTRA_MONTHS.at(on),
        )


class PriorityRule(Rule):
    """D.Lgs. 81/2015 Art 24: after more than 6 months, priority for permanent hires if claimed in time."""

    code = "it.dlgs81.art24"
    citation = "D.Lgs. 81/2015 Art 24"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if (
            case.decision.action is not Action.NOT_RENEW
            or case.concluded_flag(Field.AUTOMATIC_CONVERSION) is True
        ):
            return
        on = case.on
        service_months = PRIORITY_SERVICE_MONTHS.at(on)
        if exceeded_on(entries_of(case.employee.contracts), service_months) is None:
            return
        seasonal = case.facts.boolean("seasonal_work") is True
        claim_months = PRIORITY_CLAIM_SEASONAL_MONTHS.at(on) if seasonal else PRIORITY_CLAIM_MONTHS.at(on)
        yield self.finding(
            "it.dlgs81.art24.priority_right",
            Severity.INFO,
            PRIORITY_RIGHT,
            service_months=service_months,
            period_months=PRIORITY_PERIOD_MONTHS.at(on),
            deadline=add_months(case.expiry, claim_months),
        )


class RenewalRule(Rule):
    """D.Lgs. 81/2015 Arts 19 and 21 for a proposed extension or renewal."""

    code = "it.dlgs81.art21.renewal"
    citation = "D.Lgs. 81/2015 Art 21"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        decision = case.decision
        if decision.action is not Action.RENEW_FIXED_TERM:
            return
        yield self.finding(
            "it.dlgs104.art7.no_new_probation",
            Severity.INFO,
            NO_NEW_PROBATION,
            citation="D.Lgs. 104/2022 Art 7",
        )
        if case.concluded_flag(Field.AUTOMATIC_CONVERSION) is True:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
            yield self.finding("it.dlgs81.already_open_ended", Severity.MUST, ALREADY_OPEN_ENDED)
            return
        new_end = decision.new_end_date
        if new_end is None:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
            yield self.finding("it.dlgs81.new_end_date_needed", Severity.SHOULD, NEW_END_DATE_NEEDED)
            return
        on, expiry = case.on, case.expiry
        entries = entries_of(case.employee.contracts)
        current = entries[-1]
        # A renewal dated on the last day itself can only start the next day: an extension.
        start = case.renewal_start
        extension = start == expiry + ONE_DAY
        if extension:
            number = current.extension + 1
            if number > MAX_EXTENSIONS.at(on):
                yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
                yield self.finding(
                    "it.dlgs81.art21_1.renewal_too_many_extensions",
                    Severity.MUST,
                    RENEWAL_TOO_MANY,
                    citation="D.Lgs. 81/2015 Art 21(1)",
                    number=number,
                    max_extensions=MAX_EXTENSIONS.at(on),
                )
                return
        else:
            days, _ = required_gap(entries, current.run, on)
            gap = (start - expiry).days - 1
            if gap < days and not gap_exempt(case.facts):
                yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
                yield self.finding(
                    "it.dlgs81.art21_2.renewal_too_soon",
                    Severity.MUST,
                    RENEWAL_TOO_SOON,
                    citation="D.Lgs. 81/2015 Art 21(2)",
                    start=start,
                    gap=gap,
                    days=days,
                )
                return
        yield from self._durations(case, entries, extension, new_end)

    def _durations(
        self, case: Case, entries: list[Entry], extension: bool, new_end: date
    ) -> Iterator[Outcome]:
        on, decision = case.on, case.decision
        proposed_reason = case.facts.text("proposed_contract_objective_reason")
        reason = proposed_reason or (entries[-1].reason if extension else None)
        current = entries[-1]
        proposed = Entry(
            index=len(case.employee.contracts),
            contract=Contract(
                start=decision.date, end=new_end, type=current.contract.type, objective_reason=reason
            ),
            run=current.run if extension else current.run + 1,
            extension=current.extension + 1 if extension else 0,
            reason=reason,
        )
        after = [*entries, proposed]
        months = MAX_MONTHS.at(on)
        first = after[0].start
        limit_day = period_last_day(first, months)
        if exceeded_on(after, months) is not None:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
            yield self.finding(
                "it.dlgs81.art19_2.renewal_too_long",
                Severity.MUST,
                RENEWAL_TOO_LONG,
                citation="D.Lgs. 81/2015 Art 19(2)",
                new_end=new_end,
                months=months,
                limit=limit_day,
            )
            return
        free = FREE_MONTHS.at(on)
        if exceeded_on(after, free) is not None:
            if reason is None:
                yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
                yield self.finding(
                    "it.dlgs81.art19_1.renewal_needs_reason",
                    Severity.MUST,
                    RENEWAL_NEEDS_REASON,
                    citation="D.Lgs. 81/2015 Art 19(1)",
                    months=free,
                )
                return
            until = PARTIES_REASON_UNTIL.at(on)
            if decision.date > until and not reason_outlives_window(reason):
                yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None, Confidence.MEDIUM)
                yield self.finding(
                    "it.dlgs81.art19_1.renewal_reason_window",
                    Severity.SHOULD,
                    RENEWAL_REASON_WINDOW,
                    citation="D.Lgs. 81/2015 Art 19(1)",
                    until=until,
                )
                return
        yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
        yield self.finding(
            "it.dlgs81.renewal_lawful",
            Severity.INFO,
            RENEWAL_LAWFUL,
            new_end=new_end,
            months=months,
            limit=limit_day,
        )


RULES: tuple[Rule, ...] = (
    MinimumGapRule(),
    ExtensionsRule(),
    ReasonRule(),
    TotalDurationRule(),
    ContinuedWorkRule(),
    EndingRule(),
    PriorityRule(),
    RenewalRule(),
    StatusScopeRule(
        code="it.statuses",
        effective_from=PACK_FROM,
        message=STATUS_NOT_CONSIDERED,
        not_blocking=dict.fromkeys(
            ("pregnant", "maternity_leave"), "maternity protection (ban on dismissal)"
        ),
        not_blocking_code="it.protection.does_not_block_expiry",
        not_blocking_message=STATUS_DOES_NOT_BLOCK,
    ),
)

PACKS = (
    Pack(
        code="it",
        jurisdiction="IT",
        name="Italy",
        version="2026-07-01",
        effective_from=PACK_FROM,
        effective_to=None,
        currency="EUR",
        rules=RULES,
        national=True,
        confidence=Confidence.HIGH,
        confidence_notes=(
            "Reasons beyond 12 months, the 24-month total, 4 extensions, the 10/20-day gaps and work after "
            "expiry (D.Lgs. 81/2015 Arts 19, 21, 22): high. Pages giving 36 months and 5 extensions describe "
            "the 2015-2018 regime (RULES.md §20.5).",
            "The window for reasons identified by the parties has moved several times (30 Apr 2024, 31 Dec "
            "2024, 31 Dec 2025); the pack applies 31 Dec 2026, from the conversion law of DL 95/2025.",
            "The 3-month claim period for seasonal workers under Art 24 was recalled, not verified: medium.",
            "Reasons are read from free text: a stated reason is taken as genuine; only its source "
            "(collective agreement or substitution) is told apart by keywords.",
        ),
        not_covered=(
            "Whether a stated reason is genuine and specific enough; the pack only checks that one is "
            "stated where needed.",
            "Contracts at another level or category, which have their own 24 months: every fixed-term "
            "contract with the employer is counted together.",
            "Whether a contract beyond 24 months was signed at the Labour Inspectorate: flagged, not "
            "decided.",
            "The surcharge for work after expiry is given in days and rates, not money; the TFR fund is "
            "mentioned, not computed (its revaluation and the 0.5% pension deduction are not modelled).",
            "Probation length (Law 203/2024): only the rule that a renewal for the same duties has no new "
            "probation is stated; sources disagree for contracts over 12 months.",
            "Agency work, start-ups and other exemptions from the gap rule beyond seasonal work and "
            "collective agreements.",
            "Whether compulsory maternity leave counts toward the 6 months of the priority right (recalled).",
            "Decisions before 2023-05-05 (the rules before DL 48/2023).",
            "Regions: none; the rules are national.",
        ),
    ),
)
