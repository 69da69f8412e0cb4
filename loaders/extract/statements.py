"""Placeholder extractor: returns no rows until implemented."""

from __future__ import annotations

from loaders.extract.context import ArticleContext


def extract_statements(ctx: ArticleContext) -> list:
    return []
