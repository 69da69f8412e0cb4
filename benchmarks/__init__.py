"""On-demand benchmarks (never run by the test suite): a synthetic corpus generator and the benchmark runner.

    python -m benchmarks.generate --articles 1000 --seed 1 --out /tmp/corpus
    python -m benchmarks.run --articles 10000

See benchmarks/README.md.
"""
