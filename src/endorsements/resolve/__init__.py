"""Name resolution: every mention under its fullest name, within and across documents."""

from .cluster import cluster_mentions
from .entities import Candidate, Mention, absorbs_surname, lookup_keys, match
from .names import clean_name, fold, name_tokens
from .profile import (
    CATEGORIES,
    ORGANIZATION_CATEGORIES,
    PERSON_CATEGORIES,
    category,
    describe,
    profile,
)
from .races import RaceParts, parse_race

__all__ = [
    "CATEGORIES",
    "Candidate",
    "Mention",
    "ORGANIZATION_CATEGORIES",
    "PERSON_CATEGORIES",
    "RaceParts",
    "absorbs_surname",
    "category",
    "clean_name",
    "cluster_mentions",
    "describe",
    "fold",
    "lookup_keys",
    "match",
    "name_tokens",
    "parse_race",
    "profile",
]
