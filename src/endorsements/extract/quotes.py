"""Quoted speech and who says it.

First-person support ("X is my choice", "I'm voting for X", "Vote for X!") is only a relation
once we know the speaker, so quotes and their speakers are found before any cue is read:
an attribution verb in the quote's sentence ("..., she said"), a colon after an introducing
clause ("declaring:"), a tweet's signature ("— Name (@handle) date"), or a transcript's
"NAME:" line prefix.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

SAY_VERBS = {
    "say",
    "tell",
    "tweet",
    "write",
    "post",
    "add",
    "declare",
    "announce",
    "state",
    "explain",
    "insist",
    "note",
    "continue",
    "reply",
    "respond",
    "answer",
    "argue",
    "proclaim",
    "exclaim",
    "shout",
    "yell",
    "quip",
    "joke",
    "recall",
    "remark",
    "comment",
    "caption",
    "share",
    "urge",
    "affirm",
    "assert",
    "claim",
    "conclude",
    "begin",
    "emphasize",
    "stress",
    "retweet",
    "chant",
    "cry",
    "admit",
    "acknowledge",
    "confirm",
    "reveal",
    "vow",
    "pledge",
    "promise",
}
QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“"}
BYLINE = re.compile(
    r"(?m)^\s*(?:Posted by|By|Written by|Opinion by|Column by|A column by)\s+"
    r"(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})"
)
TRANSCRIPT_LINE = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})(?: \([^()\n]{1,40}\))?:\s", re.M
)
#: A letters page: a signature signs the whole letter above it, not one paragraph.
LETTERS_PAGE = re.compile(r"(?i)\bto the editor\b|\bletters?\b")
# "— Name (@handle)", "— Name" alone on its line, or a letter's "— Name, Town"
SIGNATURE = re.compile(
    r"[—–-]{1,2}\s*(?P<name>[A-Z][\w.'’ -]{1,40}?)\s*"
    r"(?:\(@\w+\)|(?:,\s*[A-Z][^\n,]{1,40})?(?=\s*\n|\s*$))"
)


@dataclass
class Quote:
    start: int  # char offset of the opening mark
    end: int  # char offset after the closing mark
    speaker: Token | None = None  # token whose mention (or pronoun) is the speaker


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Pairs of quote marks; unbalanced straight quotes end at the paragraph's end."""
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        close = QUOTE_PAIRS.get(ch)
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1)
        para = text.find("\n\n", i + 1)
        if j == -1 or (para != -1 and para < j):
            j = (para if para != -1 else n) - 1
        spans.append((i, j + 1))
        i = j + 1
    return spans


def token_at(doc: Doc, char: int) -> Token:
    """The token covering (or nearest before) a character offset."""
    starts = doc.user_data.get("endorsements_token_starts")
    if starts is None:  # built once per document, not once per quote
        starts = doc.user_data["endorsements_token_starts"] = [t.idx for t in doc]
    i = max(0, bisect_right(starts, char) - 1)
    return doc[i]


def _subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head != verb:
        return _subject_of(verb.head)
    return None


class QuoteIndex:
    """Which quote (and speaker) covers a character offset."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.quotes = [Quote(s, e) for s, e in find_quote_spans(doc.text)]
        for q in self.quotes:
            q.speaker = self._find_speaker(q)
        # Embedded posts: the paragraph before "— Name (@handle) date" is Name's post.
        for m in SIGNATURE.finditer(doc.text):
            para_start = doc.text.rfind("\n", 0, m.start()) + 1
            own_line = not doc.text[para_start : m.start()].strip()
            if "(@" not in m.group(0) and not own_line:
                continue  # without a handle, only "— Name" alone on its line signs a post
            if own_line:
                # the signature opens its own line: the post is the paragraph above it
                body_end = doc.text[:para_start].rstrip().__len__()
                para_start = doc.text.rfind("\n", 0, body_end) + 1
                if "(@" not in m.group(0) and LETTERS_PAGE.search(doc.text[:300]):
                    # a letter to the editor: its whole body, back to its title line or
                    # the letter before
                    para_start = self._letter_start(doc.text, para_start)
            name_end = m.start("name") + len(m.group("name").rstrip())
            self.quotes.append(Quote(para_start, m.start(), token_at(doc, name_end - 1)))
        self.lines = self._transcript_lines(doc)
        self._add_introduced_speech(doc)
        #: The author named in a byline ("Posted by X", "By X"): the voice of first-person
        #: text outside quotes in blogs, op-eds and letters.
        self.byline = self._byline(doc)

    @staticmethod
    def _letter_start(text: str, para_start: int) -> int:
        start = para_start
        while start > 0:
            prev_end = text.rfind("\n\n", 0, start - 1)
            prev = text[prev_end + 2 if prev_end != -1 else 0 : start].strip()
            if (
                not prev
                or SIGNATURE.match(prev)
                or not prev.rstrip().endswith((".", "!", "?", '"', "”"))
            ):
                break  # a title, a signature or the page's head ends the letter
            start = prev_end + 2 if prev_end != -1 else 0
        return start

    def _byline(self, doc: Doc) -> Token | None:
        m = BYLINE.search(doc.text[:600])
        if m is None:
            return None
        return token_at(doc, m.end("name") - 1)

    def _add_introduced_speech(self, doc: Doc) -> None:
        """ "In the video, she says: I have never told anybody how to vote..." - speech with no
        quote marks after a colon; it runs to the end of the paragraph (or of the next one
        when the colon ends its line)."""
        for sent in doc.sents:
            verb = next(
                (t for t in sent if t.lemma_ in SAY_VERBS and t.pos_ in ("VERB", "AUX")), None
            )
            if verb is None:
                continue
            last = next((t for t in sent[verb.i - sent.start + 1 :][:3] if t.text == ":"), None)
            if last is None:
                continue
            speaker = _subject_of(verb) if verb is not None else None
            if speaker is None:
                continue
            start = last.idx + 1
            if any(q.start <= start + 3 < q.end for q in self.quotes):
                continue  # an ordinary quotation follows the colon
            rest = doc.text[start:]
            stripped = rest.lstrip()
            offset = start + len(rest) - len(stripped)
            end = doc.text.find("\n\n", offset)
            end = len(doc.text) if end == -1 else end
            self.quotes.append(Quote(start, end, speaker))

    def inside(self, tok: Token) -> Quote | None:
        for q in self.quotes:
            if q.start <= tok.idx < q.end:
                return q
        return None

    def speaker_for(self, tok: Token) -> Token | None:
        q = self.inside(tok)
        if q is not None and q.speaker is not None:
            return q.speaker
        for start, end, speaker in self.lines:
            if start <= tok.idx < end:
                return speaker
        return None

    # -- internals ------------------------------------------------------------------------
    def _outside(self, tok: Token, q: Quote) -> bool:
        return not (q.start <= tok.idx < q.end)

    def _attribution(self, toks: list[Token], q: Quote) -> Token | None:
        for tok in toks:
            if tok.lemma_ in SAY_VERBS and tok.pos_ in ("VERB", "AUX") and self._outside(tok, q):
                subj = _subject_of(tok)
                if subj is not None and self._outside(subj, q):
                    return subj
        return None

    def _find_speaker(self, q: Quote) -> Token | None:
        doc = self.doc
        end_sent = token_at(doc, max(q.start, q.end - 1)).sent
        start_sent = token_at(doc, q.start).sent
        # "…," she said.  /  She said: "…"  /  "…" said Name.
        for sent in (end_sent, start_sent):
            hit = self._attribution(list(sent), q)
            if hit is not None:
                return hit
        # The sentence after a quote that ends its own sentence: '"…." Name said Monday.'
        if end_sent.end < len(doc):
            nxt = doc[end_sent.end].sent
            if len(nxt) <= 12:
                hit = self._attribution(list(nxt), q)
                if hit is not None:
                    return hit
        # Introduced by a colon in the previous sentence: "…, declaring:"
        if start_sent.start > 0:
            prev = doc[start_sent.start - 1].sent
            if prev.text.rstrip().endswith(":"):
                hit = self._attribution(list(prev), q)
                if hit is not None:
                    return hit
        # A tweet's signature right after the quote.
        tail = doc.text[q.end : q.end + 80]
        m = SIGNATURE.match(tail.lstrip())
        if m:
            offset = q.end + (len(tail) - len(tail.lstrip())) + m.start("name")
            return token_at(doc, offset + len(m.group("name").rstrip()) - 1)
        return None

    def _transcript_lines(self, doc: Doc) -> list[tuple[int, int, Token]]:
        out: list[tuple[int, int, Token]] = []
        for m in TRANSCRIPT_LINE.finditer(doc.text):
            line_end = doc.text.find("\n", m.end())
            out.append(
                (
                    m.end(),
                    len(doc.text) if line_end == -1 else line_end,
                    token_at(doc, m.end("name") - 1),
                )
            )
        return out
