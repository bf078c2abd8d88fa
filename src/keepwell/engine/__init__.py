"""Pure evaluation core of KeepWell: metric specs, the set-wise metrics engine, exports.

No Django here. The public entry points are re-exported lazily, so that importing a light
module of this package (specs, wording) does not load DuckDB and Arrow:

- :class:`Evaluation` and :class:`EngineSettings`; the function itself is imported from its
  module, ``from keepwell.engine.evaluate import evaluate``, because the package attribute
  ``evaluate`` is that submodule once anything has imported it
- :class:`Facts` (``keepwell.engine.facts``), the input contract
- :data:`METRICS` and :class:`MetricSpec` (``keepwell.engine.metrics``)
- :func:`write_metric_values` and :func:`write_benchmarks` (``keepwell.engine.export``)
- the errors of ``keepwell.engine.errors``
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Evaluation": "keepwell.engine.evaluate",
    "EngineSettings": "keepwell.engine.evaluate",
    "GROUP_KINDS": "keepwell.engine.evaluate",
    "METRIC_VALUES_SCHEMA": "keepwell.engine.evaluate",
    "BENCHMARKS_SCHEMA": "keepwell.engine.evaluate",
    "Facts": "keepwell.engine.facts",
    "TABLE_CONTRACTS": "keepwell.engine.facts",
    "METRICS": "keepwell.engine.metrics",
    "METRIC_IDS": "keepwell.engine.metrics",
    "MetricSpec": "keepwell.engine.metrics",
    "write_metric_values": "keepwell.engine.export",
    "write_benchmarks": "keepwell.engine.export",
    "METRIC_EXPORT_COLUMNS": "keepwell.engine.export",
    "BENCHMARK_EXPORT_COLUMNS": "keepwell.engine.export",
    "EngineError": "keepwell.engine.errors",
    "InvalidFacts": "keepwell.engine.errors",
    "InvalidArgument": "keepwell.engine.errors",
    "MissingExchangeRate": "keepwell.engine.errors",
    "AmbiguousExchangeRate": "keepwell.engine.errors",
    "DuplicateTarget": "keepwell.engine.errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'keepwell.engine' has no attribute {name!r}")
    return getattr(import_module(module), name)
