"""YAML reading for lexicons and rules: libyaml's C loader when present (10x faster on the gazetteer)."""

from __future__ import annotations

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str):
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
