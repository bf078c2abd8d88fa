"""Benchmark of the metrics engine against a bare hand-written DuckDB query.

``python -m bench.evaluate --employees 1000 10000 --months 12`` generates synthetic facts
(cached under ``bench/data``), then times, each in its own process so that peak RSS is its
own: the engine (``Facts.from_parquet_dir`` + ``evaluate``) and one hand-written query over
the same Parquet files computing the same metric values and benchmarks. It cross-checks
their numerators and denominators and prints wall time, peak RSS and the ratios.
"""
