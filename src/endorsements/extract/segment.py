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


PREFIX_NAME = "endorsements_prefixes"
PREFIXES = {"re", "un", "co", "pre", "non"}


@Language.component(PREFIX_NAME)
def merge_prefixes(doc: Doc) -> Doc:
    """Glue "re-endorsed", "un-endorse", "co-chair" back into one word before tagging.

    The tokenizer splits every intra-word hyphen, so the tagger sees "re" "-" "endorsed" and the
    cue lexicon never sees the verb. Only a short list of prefixes is joined, and only when
    the three pieces touch.
    """
    spans = []
    for tok in doc[:-2]:
        if (
            tok.lower_ in PREFIXES
            and not tok.whitespace_
            and doc[tok.i + 1].text == "-"
            and (not doc[tok.i + 1].whitespace_ and doc[tok.i + 2].is_alpha)
            and (tok.i == 0 or doc[tok.i - 1].text != "-")
        ):
            spans.append(doc[tok.i : tok.i + 3])
    with doc.retokenize() as retok:
        for span in spans:
            retok.merge(span)
    return doc


#: Plural titles the tokenizer splits ("Sens." -> "Sens" "."), which also ends the sentence.
PLURAL_TITLES = (
    "Sens.",
    "Reps.",
    "Govs.",
    "Reps",
    "Mmes.",
    "Messrs.",
    "Drs.",
    "Lt.",
    "Gen.",
    "Rev.",
    "Hon.",
    "Supt.",
    "Cmdr.",
    "Sgt.",
    "Capt.",
    "Col.",
    "Adm.",
)


def add_to(nlp: Language) -> Language:
    from spacy.symbols import ORTH

    for title in PLURAL_TITLES:
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    if PREFIX_NAME not in nlp.pipe_names:
        nlp.add_pipe(PREFIX_NAME, first=True)
    if NAME not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(NAME, before=before)
    return nlp
