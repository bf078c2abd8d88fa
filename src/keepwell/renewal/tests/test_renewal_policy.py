"""A tenant's renewal policy: shown, changed all-or-nothing with each bad value named, audited, per tenant."""

from __future__ import annotations

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from keepwell.audit.models import AuditEvent
from keepwell.errors import KeepWellError
from keepwell.renewal.models import RenewalPolicy
from keepwell.renewal.services import renewal_policy, renewal_policy_set, renewal_policy_view, scoring_config
from keepwell.tenancy.context import tenant_context

pytestmark = pytest.mark.django_db

DEFAULT_VIEW = {
    "comparison_group": "team",
    "horizon_days": 90,
    "window_months": 3,
    "attitude_threshold": "50.00",
    "performance_threshold": "50.00",
    "replacement_cost": "60000.00",
    "ramp_up_months": "4.00",
    "improvement_plan_cost": "15000.00",
    "gross_margin_rate": "0.3000",
    "weights": {
        "attitude": {
            "customers_followed": "1",
            "response_24h_rate": "1",
            "task_on_time_rate": "1",
            "csat": "1",
            "manager_rating": "1",
        },
        "performance": {
            "quota_attainment": "2",
            "lead_conversion_rate": "1",
            "deal_conversion_rate": "1",
            "repurchase_rate": "1",
        },
    },
}


def _stored(tenant):
    with tenant_context(tenant):
        policy = renewal_policy_view(renewal_policy())
        return RenewalPolicy.objects.count(), AuditEvent.objects.count(), policy


def test_a_tenant_without_a_policy_sees_the_defaults(world):
    with tenant_context(world.tenant_a):
        assert renewal_policy_view(renewal_policy()) == DEFAULT_VIEW


@pytest.mark.parametrize(
    ("changes", "weights", "group", "field", "message"),
    [
        ({"replacement_cost": "-5"}, {}, None, "replacement_cost", "must be at least 0, got -5"),
        ({"window_months": "2.5"}, {}, None, "window_months", "must be a whole number, got 2.5"),
        ({"window_months": "13"}, {}, None, "window_months", "must be between 1 and 12, got 13"),
        ({"gross_margin_rate": "abc"}, {}, None, "gross_margin_rate", "'abc' is not a number"),
        ({"replacement_cost": "1.234"}, {}, None, "replacement_cost", "at most 2 decimal places, got 1.234"),
        ({"replacement_cost": "NaN"}, {}, None, "replacement_cost", "'NaN' is not a number"),
        ({"bonus": "1"}, {}, None, "bonus", "unknown setting; one of horizon_days, window_months, "
         "attitude_threshold, performance_threshold, replacement_cost, ramp_up_months, "
         "improvement_plan_cost, gross_margin_rate"),
        ({}, {}, "planet", "comparison_group", "must be one of team, department, role, tenant, got 'planet'"),
        ({}, {"attitude.csat": "-1"}, None, "weight attitude.csat", "must be between 0 and 100, got -1"),
        ({}, {"performance.manager_rating": "1"}, None, "weight performance.manager_rating",
         "unknown metric; one of activities, customers_followed, response_24h_rate, screening_share, "
         "new_intents, lead_conversion_rate, deal_conversion_rate, revenue, quota_attainment, "
         "repurchase_rate, task_on_time_rate, csat, nps, complaint_rate"),
        ({}, {"csat": "1"}, None, "weight csat", "name a weight as attitude.METRIC or performance.METRIC"),
        ({}, {f"attitude.{m}": "0" for m in ("customers_followed", "response_24h_rate", "task_on_time_rate",
                                              "csat")}, None, "weights attitude",
         "needs at least one weighted metric besides the manager rating"),
    ],
)  # fmt: skip
def test_a_bad_value_is_named_and_nothing_is_stored(world, changes, weights, group, field, message):
    before = _stored(world.tenant_a)

    with tenant_context(world.tenant_a), pytest.raises(KeepWellError) as refused:
        # A valid change alongside the bad one is not stored either.
        renewal_policy_set(settings={"horizon_days": "30", **changes}, weights=weights, group=group)

    assert (refused.value.field, refused.value.message) == (field, message)
    assert _stored(world.tenant_a) == before


def test_a_change_is_stored_audited_and_used_for_scoring(world):
    with tenant_context(world.tenant_a):
        renewal_policy_set(
            settings={"window_months": "6", "replacement_cost": "80000.5", "attitude_threshold": "55"},
            weights={"attitude.csat": "2", "attitude.manager_rating": "0", "performance.revenue": "0.5"},
            group="department",
        )
        policy = renewal_policy()
        config = scoring_config(policy)
        event = AuditEvent.objects.order_by("-pk").first()

    assert policy.pk is not None
    assert renewal_policy_view(policy) == {
        **DEFAULT_VIEW,
        "comparison_group": "department",
        "window_months": 6,
        "attitude_threshold": "55.00",
        "replacement_cost": "80000.50",
        "weights": {
            "attitude": {
                "customers_followed": "1",
                "response_24h_rate": "1",
                "task_on_time_rate": "1",
                "csat": "2",
            },
            "performance": {**DEFAULT_VIEW["weights"]["performance"], "revenue": "0.5"},
        },
    }
    assert [(w.metric, w.weight, w.optional) for w in config.attitude] == [
        ("customers_followed", Decimal(1), False),
        ("response_24h_rate", Decimal(1), False),
        ("task_on_time_rate", Decimal(1), False),
        ("csat", Decimal(2), False),
    ]
    assert (config.window_months, config.attitude_threshold) == (6, Decimal(55))
    assert event is not None
    assert event.action == "renewal.policy_changed"
    assert event.data["window_months"] == 6
    assert event.data["replacement_cost"] == "80000.5"
    # The other tenant keeps its defaults.
    with tenant_context(world.tenant_b):
        assert renewal_policy_view(renewal_policy()) == DEFAULT_VIEW


def test_the_command_shows_changes_and_refuses(world):
    out = StringIO()
    call_command("renewal", "policy", "--tenant", world.tenant_a.slug, "--horizon-days", "60",
                 "--weight", "attitude.nps=1", stdout=out, stderr=StringIO())  # fmt: skip
    shown = json.loads(out.getvalue())
    assert shown["horizon_days"] == 60
    assert shown["weights"]["attitude"]["nps"] == "1"

    with pytest.raises(CommandError, match=r"^--weight attitude.csat: write DIMENSION.METRIC=WEIGHT$"):
        call_command("renewal", "policy", "--tenant", world.tenant_a.slug, "--weight", "attitude.csat")
    with pytest.raises(CommandError, match=r"^ramp_up_months: must be between 0 and 60, got 61$"):
        call_command("renewal", "policy", "--tenant", world.tenant_a.slug, "--ramp-up-months", "61")
    out = StringIO()
    call_command("renewal", "policy", "--tenant", world.tenant_a.slug, stdout=out)
    assert json.loads(out.getvalue()) == shown
