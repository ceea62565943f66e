"""Extraction: from a document's text to endorsement records, by rules on spaCy's parse."""

from .extractor import RuleExtractor, make_rule_extractor
from .registry import DEFAULT, get, names

__all__ = ["DEFAULT", "RuleExtractor", "get", "make_rule_extractor", "names"]
