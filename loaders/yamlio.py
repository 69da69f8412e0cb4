"""YAML reading for lexicons and rules: libyaml's C loader when present (10x faster on the gazetteer)."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str):
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader


@functools.lru_cache(maxsize=64)
def read_yaml(path: Path):
    """Parse a data file once per process."""
    return parse_yaml(Path(path).read_text(encoding="utf-8"))
