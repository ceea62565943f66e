"""Sentence boundaries at paragraph breaks.

Page text and feeds run headlines, captions and paragraphs together with bare newlines; the
parser then glues a headline to the next paragraph's first sentence and finds subjects across
them. A blank line (or a newline after a line without final punctuation) always ends a sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "endorsements_paragraphs"


@Language.component(NAME)
def paragraph_boundaries(doc: Doc) -> Doc:
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text or "\n" in tok.whitespace_ and tok.i + 1 < len(doc):
            doc[tok.i + 1].is_sent_start = True
    return doc


def add_to(nlp: Language) -> Language:
    if NAME not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(NAME, before=before)
    return nlp
