"""Extractors registered by versioned name, so a stored result can say which rules made it
and a new version can ship beside the old one without breaking reproducibility."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_REGISTRY: dict[str, Callable[..., Any]] = {}
DEFAULT = "endorsements.rules.v1"


def register(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def deco(factory: Callable[..., Any]) -> Callable[..., Any]:
        _REGISTRY[name] = factory
        return factory

    return deco


def get(name: str = DEFAULT) -> Callable[..., Any]:
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise KeyError(f"no extractor named {name!r}; known: {known}") from None


def names() -> list[str]:
    return sorted(_REGISTRY)
