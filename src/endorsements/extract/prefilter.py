"""The first pass: which sentences deserve the full parse.

Parsing is the cost: spaCy's tagger, parser and NER run at a few thousand words a second, its
tokenizer at millions. Most articles in a news feed state no endorsement, and in those that
do most sentences are irrelevant. So before the full parse a cheap pass
(a regular expression over the raw text, then spaCy's bare tokenizer and rule sentencizer)
keeps only

- the sentences with a cue the patterns could fire on (the words come from `lexicon.py` and
  the pattern module, so a cue added there is seen here too),
- the context those sentences are read against: the sentences before a pronoun or a "the
  union" (antecedents), the whole of a quotation and its attribution (speakers), the sentence
  that first gives the full name of a surname mentioned, the document's lead when it names
  the race, and the sentence naming an editorial board (the publication that recommends),

and joins them, in document order, into a reduced text for the full parse. Runs of kept
sentences are copied verbatim; a gap becomes a blank line, which the paragraph component
(`segment.py`) turns into a sentence boundary. `Reduced.restore` maps evidence offsets back to
the original text, so `evidence.text == document.text[start:end]` still holds.

What this costs in recall is measured, not assumed: docs/performance.md has the figures.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..models import Endorsement, Span
from .lexicon import (
    AGENT_NOUNS,
    BALLOT_HEADS,
    GIVE_OBJECTS,
    GIVE_VERBS,
    MEDIA_NAME,
    MERIT_OBJECTS,
    MERIT_VERBS,
    NOUN_CUES,
    ORG_DESCRIPTORS,
    PERSON_DESCRIPTORS,
    REPORTING_VERBS,
    VERB_CUES,
)
from .mentions import PUBLICATION_PHRASE
from .patterns import (
    ACT_NOUNS,
    ACT_VERBS,
    AGAINST_VERBS,
    BALLOT_VERBS,
    HELP_VERBS,
    VERDICT_ADJECTIVES,
    VERDICT_NOUNS,
)
from .races import BARE, OFFICE_OF_PLACE, PLACE_OFFICE
from .segment import NAME as PARAGRAPHS
from .segment import add_to

# Irregular forms of the verbs the cue sets name: inflection rules cannot derive them.
IRREGULAR = {
    "throw": ("threw", "thrown"),
    "give": ("gave", "given"),
    "lend": ("lent",),
    "hold": ("held",),
    "make": ("made",),
    "take": ("took", "taken"),
    "lead": ("led",),
    "speak": ("spoke", "spoken"),
    "put": ("put",),
    "cast": ("cast",),
    "cut": ("cut",),
}
# Words the patterns test inline rather than through a lexicon set: imperatives ("Elect X"),
# attack ads, campaigns helped, and the nouns an attack verb must govern.
ELECT_VERBS = ("elect", "reelect")
ATTACK_VERBS = ("attack", "target", "bash", "slam")
ATTACK_NOUNS = ("mailer", "billboard", "flyer", "spending", "campaign", *ACT_NOUNS)
CAMPAIGN_NOUNS = ("campaign", "reelection", "re-election", "candidacy")
BALLOT_NOUNS = {"side", "camp", "campaign", "vote", "votes"}

PRONOUNS = {
    "he",
    "she",
    "they",
    "it",
    "him",
    "her",
    "them",
    "his",
    "hers",
    "their",
    "its",
    "i",
    "we",
    "me",
    "us",
    "my",
    "our",
    "who",
    "whom",
    "whose",
}
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
QUOTES = set('"“”«»')
BE_WITH = re.compile(
    r"\b(?:I|[Ww]e)(?:['’]m|['’]re| am| are| was| were| will be| remain| stand)\s+(?:\w+\s+)?with\b"
)
# How far back a pronoun's antecedent is looked for (coref.py looks at most four back).
LOOKBACK = 2
# RaceIndex reads the document's race from its first 1,500 characters.
LEAD_CHARS = 1500
GAP = "\n\n"


def inflections(lemma: str) -> set[str]:
    """The forms a word takes in running text: regular inflections, derived nouns and the
    irregular forms above. Over-generating costs a little speed, never recall."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing", lemma + "d"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma[:-1] + "ed"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    forms |= set(IRREGULAR.get(lemma, ()))
    return forms


def _forms(words: Iterable[str]) -> frozenset[str]:
    """Every form of every word, hyphenated words also as their last piece ("co-chair")."""
    out: set[str] = set()
    for w in words:
        for f in inflections(w.lower()):
            out.add(f)
            if "-" in f:
                out.add(f.split("-")[-1])
    return frozenset(out)


# Imperatives are bare forms: "Elect X", not "elected".
CUE_FORMS = _forms([*VERB_CUES, *NOUN_CUES, *AGENT_NOUNS]) | set(ELECT_VERBS)
AGAINST_FORMS = _forms(AGAINST_VERBS)
GIVE_OBJECT_FORMS = _forms(GIVE_OBJECTS)
GIVE_VERB_FORMS = _forms(GIVE_VERBS)
BALLOT_FORMS = _forms(BALLOT_VERBS)
ACT_NOUN_FORMS = _forms(ACT_NOUNS)
ACT_VERB_FORMS = _forms(ACT_VERBS)
HELP_FORMS = _forms(HELP_VERBS)
CAMPAIGN_FORMS = _forms(CAMPAIGN_NOUNS)
ATTACK_FORMS = _forms(ATTACK_VERBS)
ATTACK_NOUN_FORMS = _forms(ATTACK_NOUNS)
MERIT_VERB_FORMS = _forms(MERIT_VERBS)
MERIT_OBJECT_FORMS = _forms(MERIT_OBJECTS)
AGENT_FORMS = _forms(AGENT_NOUNS)
REPORTING_FORMS = _forms(REPORTING_VERBS)
DESCRIPTORS = frozenset(w.lower() for w in (*ORG_DESCRIPTORS, *PERSON_DESCRIPTORS))

# Cue words that are as often about other things ("won 52% of the vote", "the campaign said",
# "came back", "the second round"): alone they do not make a document worth parsing.
AMBIGUOUS = _forms(
    [
        "vote",
        "support",
        "back",
        "campaign",
        "second",
        "choice",
        "pick",
        "rally",
        "opposition",
        "chair",
        "manager",
        "defeat",
        "reject",
        "propose",
        "nominate",
        "recommend",
        "champion",
        "abandon",
        "dump",
        "ditch",
        "nod",
    ]
)
STRONG_FORMS = CUE_FORMS - (
    AMBIGUOUS - {"backing", "seconded", "seconding"}
) | ACT_NOUN_FORMS - _forms(["ad", "spot", "rally", "reception", "commercial", "advertisement"])


def _stems(words: Iterable[str]) -> str:
    """An alternation of word stems ("advis" for "advise"), for phrases with any ending."""
    return "|".join(sorted({re.escape(w.rstrip("e")) for w in words}, key=len, reverse=True))


# The same ambiguous words where they do state backing: with the preposition, possessor,
# agent or named object the patterns need.
STRONG_PHRASES = [
    r"(?i:\b(?:vot|campaign|stump|rall|canvass)\w* (?:\w+ )?(?:for|against|behind|around)\b)",
    r"(?i:(?:\b(?:my|our|his|her|their|its)|['’]s) (?:\w+ )?"
    r"(?:vote|support|backing|pick|choice|nod)\b)",
    r"(?i:\b(?:support|backing|nod|pick|choice|opposition) (?:of|for|from|to|behind)\b)",
    r"(?i:\b(?:supported|backed|proposed|nominated|seconded|recommended|championed) by\b)",
    r"(?i:\bto (?:defeat|reject|support|back|oppose)\b)",
    r"(?i:\b(?:vote|votes|voted|voting) (?:yes|no)\b)",
    r"(?i:\b(?:yes|no) (?:on|vote|side|campaign)\b)",
    r"\b(?i:support|back|recommend|nominat|champion|propos|abandon|dump|ditch|second|reject|defeat|pick)"
    r"(?i:s|es|ed|d|ing)? (?:[A-Z@]|him\b|her\b|them\b)",
    r"(?i:\b(?:campaign|re-?election) (?:co-?)?(?:chair|manager))",
    r"(?i:\b(?:weight|name|clout|muscle|voice) (?:behind|to)\b)",
    r"(?i:\bballots? for\b)",
    r"\b[Nn]ever [A-Z]|#[Nn]ever",
    r"\b(?:I|[Ww]e)(?:['’]m|['’]re| am| are) with\b",
    r"\b(?:[Rr]e-?)?[Ee]lect [A-Z]",
    r"\b[Vv]ote [A-Z][a-z]",  # "Vote Dale Fenn!"
    r"(?i:\w-(?:backed|endorsed|supported)\b)",  # "the Jensen-backed candidate"
    r"(?i:\b(?:ads?|spots?|commercials?|advertisements?|rall(?:y|ies)|receptions?) for\b)",
    r"(?i:\b(?:ads?|spots?|commercials?|advertisements?|mailers?|robocalls?) "
    r"(?:against|attacking|targeting)\b)",
    rf"(?i:\b(?:ads?|mailers?|spots?|commercials?|billboards?|flyers?|spending|campaign) "
    rf"(?:\w+ )?(?:{_stems(ATTACK_VERBS)})\w*)",
    rf"(?i:\b(?:{_stems(HELP_VERBS)}|join)\w* (?:\S+ ){{0,3}}(?:campaign|re-?election|candidacy))",
    # an editorial's verdict: "has earned another term", "deserves your vote"
    rf"(?i:\b(?:{_stems(MERIT_VERBS)})\w* (?:\S+ ){{0,2}}(?:{'|'.join(MERIT_OBJECTS)})\b)",
    r"(?i:\b(?:seal|stamp) of approval\b|\bapproval to\b)",
    r"(?i:\bvot(?:e|es|ed|ing) (?:\w+ )?out\b)",  # "vote him out"
    r"(?i:\bknock(?:s|ed|ing)? (?:on )?doors for\b)",
    r"(?i:\bgiv(?:e|es|ing|en)|\bgave) (?:\S+ ){1,3}(?:a |your |one )?(?:single )?vote\b",
    # an editorial's own voice: "we recommend incumbent Rep. X"
    r"\b[Ww]e (?:also |again |strongly )?(?:recommend|endorse|back|support|urge)\b",
    r"(?i:\brecommend\w* an? (?:[A-Z]\w+ ){1,3}vote\b)",  # "recommends a Liberal Green vote"
    r"(?i:\b(?:ad|advertising|attack|television|tv|radio) campaign (?:\S+ ){0,3}against\b)",
    r"(?i:\b(?:came|come|comes|coming) out (?:for|against|in (?:favou?r|support) of)\b)",
    rf"(?i:\b(?:is|was|'s) the (?:{'|'.join(VERDICT_ADJECTIVES)}) (?:{'|'.join(VERDICT_NOUNS)})\b)",
]
# A document is parsed only when it has a word that states backing whatever surrounds it, or
# one of the phrases above: most news documents have neither.
DOCUMENT_GATE = re.compile(
    r"(?i:(?<!\w)(?:"
    + "|".join(re.escape(f) for f in sorted(STRONG_FORMS, key=len)[::-1])
    + r")(?![\w-]))|"
    + "|".join(STRONG_PHRASES)
)


def worth_parsing(text: str) -> bool:
    """The document-level gate: a cue that states backing whatever surrounds it."""
    return DOCUMENT_GATE.search(text) is not None


def is_cue_sentence(words: set[str], text: str, tokens: list[str]) -> bool:
    """Could one of the patterns fire in this sentence? `words` are its lower-cased tokens."""
    if words & CUE_FORMS:
        return True
    if "against" in words and words & AGAINST_FORMS:
        return True
    if words & GIVE_OBJECT_FORMS and words & GIVE_VERB_FORMS and words & {"behind", "to", "for"}:
        return True
    if words & {"yes", "no"} and (words & BALLOT_FORMS or words & BALLOT_NOUNS):
        return True
    if words & ACT_NOUN_FORMS and (words & ACT_VERB_FORMS or "against" in words):
        return True
    if words & HELP_FORMS and words & CAMPAIGN_FORMS:
        return True
    if words & MERIT_VERB_FORMS and words & MERIT_OBJECT_FORMS:
        return True
    if "doors" in words and words & {"knock", "knocks", "knocked", "knocking"}:
        return True  # "knocked on doors for X"
    if len(tokens) > 1 and tokens[0] in ("as", "so") and tokens[1] in ("did", "has", "have"):
        return True  # "As did the mayor, X.": repeats the sentence before
    if "out" in words and words & {"came", "come", "comes", "coming"}:
        return True  # "came out for/against X"
    if words & VERDICT_ADJECTIVES and words & VERDICT_NOUNS:
        return True
    if words & ATTACK_FORMS and words & ATTACK_NOUN_FORMS:
        return True
    if "never" in words or any(t.startswith("never") and len(t) > 5 for t in tokens):
        return True  # "Never Dirk Smith", "#NeverSmith"
    return bool(BE_WITH.search(text))


@dataclass(frozen=True)
class Reduced:
    """The text the full parse sees, and how to map its offsets back to the original."""

    text: str
    #: (start in the reduced text, start in the original, length), one per copied run.
    runs: tuple[tuple[int, int, int], ...]
    original: str

    @property
    def fraction(self) -> float:
        """The share of the original's characters kept."""
        kept = sum(n for _, _, n in self.runs)
        return kept / len(self.original) if self.original else 1.0

    def to_original(self, pos: int, *, end: bool = False) -> int:
        """An offset in the reduced text as an offset in the original. An end offset belongs
        to the run that holds the character before it."""
        starts = [r[0] for r in self.runs]
        i = bisect.bisect_right(starts, pos - 1 if end else pos) - 1
        red, orig, n = self.runs[max(i, 0)]
        return orig + min(max(pos - red, 0), n)

    def restore(self, records: Iterable[Endorsement]) -> list[Endorsement]:
        """The records with evidence offsets into the original text."""
        out = []
        for r in records:
            start = self.to_original(r.evidence.start)
            end = self.to_original(r.evidence.end, end=True)
            span = Span(self.original[start:end], start, end)
            out.append(replace(r, evidence=span))
        return out


def whole(text: str) -> Reduced:
    return Reduced(text, ((0, 0, len(text)),) if text else (), text)


@cache
def sentencizer() -> Language:
    """spaCy's tokenizer and rule sentencizer, plus the project's paragraph boundaries."""
    nlp = add_to(spacy.blank("en"))  # the same tokenizer special cases as the full parse
    nlp.add_pipe("sentencizer", before=PARAGRAPHS)
    return nlp


class Prefilter:
    """Picks the sentences (and their context) that deserve the full parse."""

    def __init__(self) -> None:
        self.nlp = sentencizer()

    def reduce(self, text: str) -> Reduced:
        if not worth_parsing(text):
            return Reduced("", (), text)
        return self.reduce_doc(self.nlp(text))

    def reduce_many(self, texts: Iterable[str], batch_size: int = 64) -> Iterable[Reduced]:
        """`reduce` over a stream; documents without a cue word are not tokenized."""
        texts = list(texts)
        hit = [worth_parsing(t) for t in texts]
        docs = iter(
            self.nlp.pipe((t for t, h in zip(texts, hit, strict=True) if h), batch_size=batch_size)
        )
        for text, h in zip(texts, hit, strict=True):
            yield self.reduce_doc(next(docs)) if h else Reduced("", (), text)

    def reduce_doc(self, doc: Doc) -> Reduced:
        text = doc.text
        sents = [s for s in doc.sents if s.text.strip()]
        if not sents:
            return Reduced("", (), text)
        toks = [[t.lower_ for t in s] for s in sents]
        words = [set(t) for t in toks]
        cues = [i for i, s in enumerate(sents) if is_cue_sentence(words[i], s.text, toks[i])]
        if not cues:
            return Reduced("", (), text)
        keep: set[int] = set()
        quoted = self._quoted(sents)
        for i in cues:
            keep.add(i)
            # antecedents: walk back while the sentence leans on an earlier one
            j = i
            while j > 0 and i - j < LOOKBACK and self._leans_back(words[j], sents[j]):
                j -= 1
                keep.add(j)
            # the elided noun of "X's backers were A. Y's were B. Z's were C."
            j = i + 1
            while j < len(sents) and words[i] & AGENT_FORMS:
                keep.add(j)
                if not (words[j] & {"'s", "’s"} and words[j] & {"were", "was", "are", "is"}):
                    break
                j += 1
            # the whole quotation and the sentences that attribute it
            if quoted[i] is not None:
                first, last = quoted[i]
                keep.update(range(max(0, first - 1), min(len(sents), last + 2)))
            elif words[i] & FIRST_PERSON:
                keep.update(range(max(0, i - 1), min(len(sents), i + 2)))
            # "... Vote for X!" followed by "— Jane Doe (@jdoe)" or "..., she said."
            if i + 1 < len(sents) and self._attributes(words[i + 1], toks[i + 1]):
                keep.add(i + 1)
            # a post's byline a few lines down: "Proud to endorse X. ... — Union (@union)"
            for j in range(i + 1, min(len(sents), i + 5)):
                if sents[j].text.lstrip()[:1] in ("—", "–") or "(@" in sents[j].text:
                    keep.update(range(i + 1, j + 1))
                    break
            # a sentence the rule sentencizer cut after an abbreviation ("Reps. A, B and C")
            if i > 0 and self._cut_short(sents[i - 1]):
                keep.add(i - 1)
        keep.add(0)  # the headline names who the article is about ("the measure", "he")
        keep |= self._ballot_names(sents, words, keep)
        keep |= self._full_names(sents, keep)
        keep |= self._lead_and_masthead(sents)
        return self._build(text, sents, sorted(keep))

    # -- context ---------------------------------------------------------------------------
    @staticmethod
    def _leans_back(words: set[str], sent) -> bool:
        """A pronoun, or "the union"/"the senator", points to an earlier sentence."""
        return bool(words & PRONOUNS or words & DESCRIPTORS)

    @staticmethod
    def _attributes(words: set[str], toks: list[str]) -> bool:
        return bool(words & REPORTING_FORMS or words & {"—", "–", "-"} or QUOTES & words)

    @staticmethod
    def _cut_short(sent) -> bool:
        last = sent[-1] if sent[-1].text != "." or len(sent) < 2 else sent[-2]
        return last.is_title and len(last.text.rstrip(".")) <= 4 and len(sent) <= 12

    @staticmethod
    def _quoted(sents) -> list[tuple[int, int] | None]:
        """For each sentence inside or touching a quotation: the first and last sentence of
        that quotation; None for narration. Quotes are tracked per paragraph."""
        spans: list[tuple[int, int] | None] = [None] * len(sents)
        open_at: int | None = None
        for i, s in enumerate(sents):
            if i and "\n" in s.doc[s.start - 1].whitespace_ + s.doc[s.start - 1].text:
                open_at = None  # a paragraph break closes a quotation left open
            marks = sum(1 for t in s if t.text in QUOTES or t.text in ("''", "``"))
            if marks or open_at is not None:
                first = open_at if open_at is not None else i
                spans[i] = (first, i)
                for k in range(first, i):
                    spans[k] = (first, i)
                inside = (open_at is not None) != (marks % 2 == 1)
                open_at = first if inside else None
        return spans

    @staticmethod
    def _full_names(sents, keep: set[int]) -> set[int]:
        """The earliest sentence giving the full name (and title) of each capitalized word in
        the kept sentences: alias resolution, titles and gender come from there."""
        wanted: set[str] = set()
        labels: set[str] = set()
        for i in keep:
            for t in sents[i]:
                if t.is_title and t.is_alpha and len(t) > 2 and t.i > sents[i].start:
                    wanted.add(t.text)
                elif t.is_upper and t.is_alpha and len(t) > 2:
                    labels.add(t.text.title())  # a transcript label: "PRIYA ABERNATHY-SOLIS:"
        longest: dict[str, int] = dict.fromkeys(wanted, 1)
        found: set[int] = set()
        for i, s in enumerate(sents):
            for t in s:
                if t.text in labels:  # the label's name written out: "[Abernathy-Solis, a ...]"
                    labels.discard(t.text)
                    found.add(i)
                if t.text not in longest:
                    continue
                n = 1  # "Dana J. Pike" after "Dana Pike": the fuller form counts
                while t.i - n >= s.start and s.doc[t.i - n].is_title:
                    n += 1
                if n > longest[t.text]:
                    longest[t.text] = n
                    found.add(i)
        return found

    @staticmethod
    def _ballot_names(sents, words: list[set[str]], keep: set[int]) -> set[int]:
        """ "the measure" in a kept sentence: the first sentence that names it ("Measure W")."""
        heads = {h for i in keep for h in words[i] & BALLOT_HEADS}
        out: set[int] = set()
        for i, s in enumerate(sents):
            named = {t.lower_ for t in s if t.lower_ in heads and t.is_title}
            if named:
                out.add(i)
                heads -= named
            if not heads:
                break
        return out

    @staticmethod
    def _lead_and_masthead(sents) -> set[int]:
        """Sentences of the lead that name a race, and the first naming an editorial board or
        a newspaper: the extractor reads the race and the publication from the whole text."""
        out: set[int] = set()
        for i, s in enumerate(sents):
            if s.start_char >= LEAD_CHARS:
                break
            if any(p.search(s.text) for p in (PLACE_OFFICE, OFFICE_OF_PLACE, BARE)):
                out.add(i)
        for pattern in (PUBLICATION_PHRASE, MEDIA_NAME):
            for i, s in enumerate(sents):
                if pattern.search(s.text) and re.search(r"\b[A-Z]", s.text):
                    out.add(i)
                    break
        return out

    @staticmethod
    def _build(text: str, sents, keep: list[int]) -> Reduced:
        runs: list[tuple[int, int, int]] = []
        parts: list[str] = []
        pos = 0
        i = 0
        while i < len(keep):
            j = i
            while j + 1 < len(keep) and keep[j + 1] == keep[j] + 1:
                j += 1
            start, end = sents[keep[i]].start_char, sents[keep[j]].end_char
            if parts:
                parts.append(GAP)
                pos += len(GAP)
            runs.append((pos, start, end - start))
            parts.append(text[start:end])
            pos += end - start
            i = j + 1
        return Reduced("".join(parts), tuple(runs), text)
