# ruff: noqa: E501 - SQL text reads better unwrapped
"""The bare reference: the same metrics as one hand-written DuckDB query over the Parquet files.

Written the way one would without the engine: ICU time-zone conversion per row
(``ts AT TIME ZONE zone``) for months and local dates, elapsed durations on epoch
microseconds (ICU interval arithmetic per row would be far slower), ``count(DISTINCT ...)``,
ASOF joins for rates and repurchase,
DOUBLE values and ``quantile_cont`` for benchmarks. It exists to price the engine's
abstractions (specs, exact rounding, calendar tables), not to be exact itself; the benchmark
cross-checks its numerators and denominators against the engine's.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from keepwell.core.periods import Month


def bare_query(
    directory: Path,
    *,
    as_of: date,
    month_from: Month,
    reporting_currency: str = "CNY",
    calendar_day_base: int | None = None,
) -> str:
    """One statement returning metric rows (long format) and benchmark rows, tagged by ``kind``.

    With ``calendar_day_base`` the local month and date come, as in the engine, from the lookup
    tables ``bare_zones`` (timezone -> zone_base) and ``bare_days`` (the engine's calendar
    days, registered by the caller) instead of ICU: that variant prices the engine's other
    abstractions alone.
    """

    def table(name: str) -> str:
        return f"read_parquet('{directory / f'{name}.parquet'}')"

    def day(alias: str, column: str) -> str:
        if calendar_day_base is None:
            return ""
        return (
            f" JOIN bare_days AS d ON d.key = e.zone_base"
            f" + (epoch_us({alias}.{column}) - {calendar_day_base}) // 86400000000"
        )

    def month(alias: str, column: str) -> str:
        if calendar_day_base is None:
            return f"date_trunc('month', {alias}.{column} AT TIME ZONE e.timezone)::DATE"
        index = (
            f"CASE WHEN epoch_us({alias}.{column}) >= d.month_cut THEN d.month_after ELSE d.month_before END"
        )
        return f"make_date(CAST(({index}) // 12 AS INTEGER), CAST(({index}) % 12 + 1 AS INTEGER), 1)"

    def local_date(alias: str, column: str) -> str:
        if calendar_day_base is None:
            return f"({alias}.{column} AT TIME ZONE e.timezone)::DATE"
        offset = f"CASE WHEN epoch_us({alias}.{column}) >= d.offset_cut THEN d.offset_after ELSE d.offset_before END"
        return f"CAST(make_timestamp(epoch_us({alias}.{column}) + {offset}) AS DATE)"

    zone_base = (
        "(SELECT zone_base FROM bare_zones AS z WHERE z.timezone = employees.timezone)"
        if calendar_day_base is not None
        else "0"
    )

    last_month = Month.of(as_of).first_day.isoformat()
    day_after = (as_of + timedelta(days=1)).isoformat()
    return f"""
WITH emp AS (
  SELECT employee_key, employee_id, team, timezone, {zone_base} AS zone_base,
         timezone(timezone, TIMESTAMP '{day_after} 00:00:00') AS as_of_end,
         greatest(date_trunc('month', hire_date), DATE '{month_from.first_day.isoformat()}')::DATE AS first_month
  FROM {table("employees")} AS employees
),
rows AS (
  SELECT employee_key, employee_id, team, timezone, as_of_end,
         unnest(generate_series(first_month::TIMESTAMP, TIMESTAMP '{last_month} 00:00:00', INTERVAL 1 MONTH))::DATE
           AS month
  FROM emp WHERE first_month <= DATE '{last_month}'
),
act AS (
  SELECT a.employee_key, {month("a", "started_at")} AS month,
         count(*) AS activities, count(DISTINCT a.customer_key) AS customers,
         coalesce(sum(a.duration_minutes) FILTER (WHERE a.purpose = 'screening'), 0) AS screening,
         coalesce(sum(a.duration_minutes), 0) AS minutes
  FROM {table("activities")} AS a JOIN emp AS e USING (employee_key){day("a", "started_at")}
  WHERE a.started_at < e.as_of_end GROUP BY ALL
),
inbound AS (
  SELECT a.employee_key, {month("a", "inbound_at")} AS month, count(*) AS inbound,
         count(*) FILTER (WHERE a.replied_at < e.as_of_end AND epoch_us(a.replied_at) - epoch_us(a.inbound_at) <= 86400000000) AS hits
  FROM {table("activities")} AS a JOIN emp AS e USING (employee_key){day("a", "inbound_at")}
  WHERE a.inbound_at < e.as_of_end GROUP BY ALL
),
created AS (
  SELECT l.owner_key AS employee_key, {month("l", "created_at")} AS month,
         count(*) AS created,
         count(*) FILTER (WHERE l.qualified_at < e.as_of_end AND epoch_us(l.qualified_at) - epoch_us(l.created_at) <= 2592000000000)
           AS converted
  FROM {table("leads")} AS l JOIN emp AS e ON e.employee_key = l.owner_key{day("l", "created_at")}
  WHERE l.created_at < e.as_of_end GROUP BY ALL
),
qualified AS (
  SELECT l.owner_key AS employee_key, {month("l", "qualified_at")} AS month,
         count(*) AS qualified,
         count(*) FILTER (WHERE l.won_at < e.as_of_end AND epoch_us(l.won_at) - epoch_us(l.qualified_at) <= 5184000000000) AS won
  FROM {table("leads")} AS l JOIN emp AS e ON e.employee_key = l.owner_key{day("l", "qualified_at")}
  WHERE l.qualified_at < e.as_of_end GROUP BY ALL
),
order_rows AS (
  SELECT o.employee_key, o.customer_key, o.ordered_at, o.amount, o.currency,
         {month("o", "ordered_at")} AS month,
         {local_date("o", "ordered_at")} AS local_date
  FROM {table("orders")} AS o JOIN emp AS e USING (employee_key){day("o", "ordered_at")}
  WHERE o.ordered_at < e.as_of_end
),
converted AS (
  SELECT o.employee_key, o.month,
         CASE WHEN o.currency = '{reporting_currency}' THEN o.amount ELSE o.amount * r.rate END AS amount
  FROM order_rows AS o
  ASOF LEFT JOIN (SELECT base, date, rate FROM {table("fx_rates")} WHERE quote = '{reporting_currency}') AS r
    ON o.currency = r.base AND o.local_date >= r.date
),
revenue AS (SELECT employee_key, month, sum(amount) AS revenue FROM converted GROUP BY ALL),
buyers AS (
  SELECT employee_key, month, customer_key, min(ordered_at) AS anchor
  FROM order_rows WHERE customer_key IS NOT NULL GROUP BY ALL
),
repurchase AS (
  SELECT b.employee_key, b.month, count(*) AS buyers,
         count(*) FILTER (WHERE epoch_us(b.anchor) - epoch_us(h.ordered_at) <= 31536000000000) AS repeat_buyers
  FROM buyers AS b
  ASOF LEFT JOIN (SELECT customer_key, ordered_at FROM {table("orders")} WHERE customer_key IS NOT NULL) AS h
    ON b.customer_key = h.customer_key AND b.anchor > h.ordered_at
  GROUP BY ALL
),
tasks AS (
  SELECT t.employee_key, {month("t", "due_at")} AS month, count(*) AS due,
         count(*) FILTER (WHERE t.completed_at < e.as_of_end AND t.completed_at <= t.due_at) AS on_time
  FROM {table("tasks")} AS t JOIN emp AS e USING (employee_key){day("t", "due_at")}
  WHERE t.due_at < e.as_of_end GROUP BY ALL
),
feedback AS (
  SELECT f.employee_key, {month("f", "submitted_at")} AS month,
         coalesce(sum(f.csat), 0) AS csat_sum, count(f.csat) AS csat_n,
         count(*) FILTER (WHERE f.nps >= 9) - count(*) FILTER (WHERE f.nps <= 6) AS nps_net, count(f.nps) AS nps_n,
         count(*) FILTER (WHERE f.complaint) AS complaints, count(*) AS feedback
  FROM {table("feedback")} AS f JOIN emp AS e USING (employee_key){day("f", "submitted_at")}
  WHERE f.submitted_at < e.as_of_end GROUP BY ALL
),
targets AS (
  SELECT employee_key, strptime(month, '%Y-%m')::DATE AS month, value AS target
  FROM {table("targets")} WHERE metric = 'revenue'
),
wide AS (
  SELECT r.employee_key, r.employee_id, r.team, r.month,
         timezone(r.timezone, (r.month + INTERVAL 1 MONTH)::TIMESTAMP) AS month_end, r.as_of_end,
         coalesce(act.activities, 0) AS activities, coalesce(act.customers, 0) AS customers,
         coalesce(act.screening, 0) AS screening, coalesce(act.minutes, 0) AS minutes,
         coalesce(inbound.inbound, 0) AS inbound, coalesce(inbound.hits, 0) AS hits,
         coalesce(created.created, 0) AS created, coalesce(created.converted, 0) AS converted,
         coalesce(qualified.qualified, 0) AS qualified, coalesce(qualified.won, 0) AS won,
         coalesce(revenue.revenue, 0) AS revenue, targets.target,
         coalesce(repurchase.buyers, 0) AS buyers, coalesce(repurchase.repeat_buyers, 0) AS repeat_buyers,
         coalesce(tasks.due, 0) AS due, coalesce(tasks.on_time, 0) AS on_time,
         coalesce(feedback.csat_sum, 0) AS csat_sum, coalesce(feedback.csat_n, 0) AS csat_n,
         coalesce(feedback.nps_net, 0) AS nps_net, coalesce(feedback.nps_n, 0) AS nps_n,
         coalesce(feedback.complaints, 0) AS complaints, coalesce(feedback.feedback, 0) AS feedback
  FROM rows AS r
  LEFT JOIN act USING (employee_key, month) LEFT JOIN inbound USING (employee_key, month)
  LEFT JOIN created USING (employee_key, month) LEFT JOIN qualified USING (employee_key, month)
  LEFT JOIN revenue USING (employee_key, month) LEFT JOIN targets USING (employee_key, month)
  LEFT JOIN repurchase USING (employee_key, month) LEFT JOIN tasks USING (employee_key, month)
  LEFT JOIN feedback USING (employee_key, month)
),
long AS (
  SELECT employee_id, team, month, metric, numerator::DECIMAL(38, 14) AS numerator,
         denominator::DECIMAL(38, 14) AS denominator,
         CASE WHEN NOT has_denominator THEN numerator::DOUBLE
              WHEN denominator <> 0 THEN numerator::DOUBLE * multiplier / denominator::DOUBLE END AS value,
         provisional, attainment, revenue
  FROM (
    SELECT employee_id, team, month, revenue, CASE WHEN target <> 0 THEN revenue::DOUBLE / target::DOUBLE END
             AS attainment,
           unnest([
             {{'metric': 'activities', 'numerator': activities::DECIMAL(38,14), 'denominator': NULL, 'multiplier': 1,
               'has_denominator': false, 'provisional': false}},
             {{'metric': 'customers_followed', 'numerator': customers, 'denominator': NULL, 'multiplier': 1,
               'has_denominator': false, 'provisional': false}},
             {{'metric': 'response_24h_rate', 'numerator': hits, 'denominator': inbound, 'multiplier': 1,
               'has_denominator': true, 'provisional': false}},
             {{'metric': 'screening_share', 'numerator': screening, 'denominator': minutes, 'multiplier': 1,
               'has_denominator': true, 'provisional': false}},
             {{'metric': 'new_intents', 'numerator': qualified, 'denominator': NULL, 'multiplier': 1,
               'has_denominator': false, 'provisional': false}},
             {{'metric': 'lead_conversion_rate', 'numerator': converted, 'denominator': created, 'multiplier': 1,
               'has_denominator': true, 'provisional': month_end + INTERVAL 30 DAY > as_of_end}},
             {{'metric': 'deal_conversion_rate', 'numerator': won, 'denominator': qualified, 'multiplier': 1,
               'has_denominator': true, 'provisional': month_end + INTERVAL 60 DAY > as_of_end}},
             {{'metric': 'revenue', 'numerator': revenue, 'denominator': NULL, 'multiplier': 1,
               'has_denominator': false, 'provisional': false}},
             {{'metric': 'quota_attainment', 'numerator': revenue, 'denominator': target, 'multiplier': 1,
               'has_denominator': true, 'provisional': false}},
             {{'metric': 'repurchase_rate', 'numerator': repeat_buyers, 'denominator': buyers, 'multiplier': 1,
               'has_denominator': true, 'provisional': false}},
             {{'metric': 'task_on_time_rate', 'numerator': on_time, 'denominator': due, 'multiplier': 1,
               'has_denominator': true, 'provisional': false}},
             {{'metric': 'csat', 'numerator': csat_sum, 'denominator': csat_n, 'multiplier': 1,
               'has_denominator': true, 'provisional': false}},
             {{'metric': 'nps', 'numerator': nps_net, 'denominator': nps_n, 'multiplier': 100,
               'has_denominator': true, 'provisional': false}},
             {{'metric': 'complaint_rate', 'numerator': complaints, 'denominator': feedback, 'multiplier': 1,
               'has_denominator': true, 'provisional': false}}
           ], max_depth := 2)
    FROM wide
  )
),
ranked AS (
  SELECT team, month, metric, value, count(*) OVER (PARTITION BY team, month, metric) AS n,
         row_number() OVER (PARTITION BY team, month, metric
                            ORDER BY attainment DESC NULLS LAST, revenue DESC, employee_id) AS top_rank
  FROM long WHERE value IS NOT NULL
),
groups AS (SELECT DISTINCT team, month, metric FROM long),
stats AS (
  SELECT team, month, metric, count(*) AS n, avg(value) AS mean, quantile_cont(value, 0.5) AS median,
         quantile_cont(value, 0.9) AS p90, avg(value) FILTER (WHERE top_rank <= ceil(n / 10)) AS top_decile_mean
  FROM ranked GROUP BY ALL
)
SELECT 'metric' AS kind, employee_id AS id, strftime(month, '%Y-%m') AS month, metric, value, numerator, denominator,
       provisional, NULL::BIGINT AS n, NULL::DOUBLE AS mean, NULL::DOUBLE AS median, NULL::DOUBLE AS p90,
       NULL::DOUBLE AS top_decile_mean
FROM long
UNION ALL
SELECT 'benchmark', g.team, strftime(g.month, '%Y-%m'), g.metric, NULL, NULL, NULL, NULL, coalesce(s.n, 0), s.mean,
       s.median, s.p90, s.top_decile_mean
FROM groups AS g LEFT JOIN stats AS s USING (team, month, metric)
"""
