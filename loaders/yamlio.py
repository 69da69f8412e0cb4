"""YAML reading for lexicons and rules: libyaml's C loader when present (10x faster on the gazetteer)."""

from __future__ import annotations

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str):
    """The YAML document. A list holding a boolean is refused: in the word lists of lexicons and rules, a bare on, off,
    yes or no is a word that YAML would silently turn into True/False."""
    data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    _refuse_booleans_in_lists(data, "")
    return data


def _refuse_booleans_in_lists(value, path: str) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _refuse_booleans_in_lists(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, bool):
                raise ValueError(f"{path}[{index}] is a bare on/off/yes/no (YAML reads it as {item}); quote it")
            _refuse_booleans_in_lists(item, f"{path}[{index}]")
