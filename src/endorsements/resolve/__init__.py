"""Within-document name resolution: every mention under its fullest name."""

from .cluster import cluster_mentions
from .names import clean_name, fold, name_tokens

__all__ = ["clean_name", "cluster_mentions", "fold", "name_tokens"]
