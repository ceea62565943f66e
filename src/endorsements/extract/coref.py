"""Pronouns, descriptions and relative pronouns back to named mentions, by rules on the parse.

No coreference model works offline here, and endorsement prose is regular enough for rules:
the antecedent of "she"/"he" is most often the salient person (the subject of a recent
clause), "it"/"its" a named organization, "the union" the organization last described as
one, "the rapper" the person last described as one. Each rule prefers the nearest subject,
looks back at most a few sentences, and never returns the mention it is told to avoid (the
other argument of the same relation).
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import BALLOT_HEADS, OFFICE_NOUNS, ORG_DESCRIPTORS, PERSON_DESCRIPTORS
from .mentions import Mention, MentionIndex

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
ORG_PRONOUNS = {"it", "its", "itself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
RELATIVE = {"who", "whom", "whose", "which", "that"}
FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
LOOKBACK_SENTENCES = 4
FEMININE = {"she", "her", "hers", "herself"}
MASCULINE = {"he", "him", "his", "himself"}
FEMININE_WORDS = {
    "woman",
    "actress",
    "congresswoman",
    "businesswoman",
    "chairwoman",
    "councilwoman",
    "assemblywoman",
    "wife",
    "mother",
    "daughter",
    "widow",
    "sister",
    "queen",
    "girl",
    "lady",
    "mrs",
    "ms",
    "miss",
    "grandmother",
    "spokeswoman",
    "sportswoman",
    "dame",
    "princess",
    "duchess",
    "aunt",
    "niece",
}
MASCULINE_WORDS = {
    "man",
    "actor",
    "congressman",
    "businessman",
    "chairman",
    "councilman",
    "assemblyman",
    "husband",
    "father",
    "son",
    "brother",
    "king",
    "boy",
    "mr",
    "grandfather",
    "spokesman",
    "sportsman",
    "sir",
    "lord",
    "prince",
    "duke",
    "uncle",
    "nephew",
}


#: Descriptions and the name heads they stand for: "the union" is the Teachers Federation.
ORG_FAMILIES = (
    frozenset(
        {
            "union",
            "local",
            "federation",
            "guild",
            "brotherhood",
            "lodge",
            "association",
            "chapter",
            "council",
            "unions",
            "firefighters",
            "teamsters",
            "workers",
        }
    ),
    frozenset({"party", "alliance", "coalition", "movement", "front", "bloc"}),
    frozenset(
        {
            "paper",
            "newspaper",
            "gazette",
            "times",
            "post",
            "herald",
            "tribune",
            "journal",
            "ledger",
            "courier",
            "chronicle",
            "sentinel",
            "dispatch",
            "star",
            "news",
        }
    ),
)


def _subject_spans(tok: Token) -> list[tuple[int, int]]:
    """Token ranges an object pronoun cannot point into: the subjects of the clauses above
    it. In "A, B of the Greens and C said they would vote for him", "him" is none of A, B, C
    nor anything named inside their phrase (binding: a pronoun is free in its clause, and an
    endorser does not back himself)."""
    if tok.dep_ not in ("dobj", "pobj", "dative", "iobj"):
        return []  # "X declared his support": a possessive does point at the subject
    spans = []
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head  # up through "for", "behind" to the verb
    # the clause and the clauses it reports or continues; a relative clause ("Pell, who
    # endorsed her") is its own world
    while verb.pos_ in ("VERB", "AUX"):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        spans.extend((c.left_edge.i, c.right_edge.i + 1) for c in subjects if c.i < tok.i)
        # climb only while the subject above is this clause's subject too: "A wants to
        # back him", "A endorsed B and campaigned for him", "A said they would back him"
        shared = (
            verb.dep_ == "xcomp"
            or (verb.dep_ == "conj" and not subjects)
            or (verb.dep_ == "ccomp" and any(c.pos_ == "PRON" for c in subjects))
        )
        if not shared or verb.head == verb:
            break
        verb = verb.head
    return spans


def _is_subject(tok: Token) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass") or (
        tok.dep_ in ("compound", "appos", "conj") and tok.head.dep_ in ("nsubj", "nsubjpass")
    )


class Coref:
    def __init__(self, index: MentionIndex) -> None:
        self.index = index
        self.doc = index.doc
        self._cache: dict[int, Mention | None] = {}
        self._attach_descriptors()
        self.gender = self._learn_gender()

    def _attach_descriptors(self) -> None:
        """Record role words written next to a name: "rapper Lil Nova", "X, the union,"."""
        for m in self.index.mentions:
            head = self.doc[m.end - 1]
            for t in self.doc[max(0, m.start - 4) : m.start]:
                if t.pos_ == "NOUN" and t.head.i in range(m.start, m.end):
                    m.descriptors.add(t.lemma_.lower())
            for t in self.doc[m.start : m.end]:
                if t.pos_ == "NOUN":
                    m.descriptors.add(t.lemma_.lower())
            for t in self.doc[max(0, m.start - 3) : m.start]:
                if t.pos_ == "PROPN" and t.dep_ == "compound" and m.start <= t.head.i < m.end:
                    m.descriptors.add(t.lower_.rstrip("."))  # "Mayor" before the name
            for child in head.children:
                if child.dep_ == "appos" and child.pos_ == "NOUN":
                    m.descriptors.add(child.lemma_.lower())
                    for c in child.children:
                        if c.dep_ == "compound" and c.pos_ == "NOUN":
                            m.descriptors.add(c.lemma_.lower())
            if head.dep_ == "appos" and head.head.pos_ == "NOUN":
                m.descriptors.add(head.head.lemma_.lower())
            for w in m.attrs.get("title", "").lower().replace(".", "").split():
                m.descriptors.add(w)
            if m.kind == "organization":
                for w in m.name.lower().split():
                    m.descriptors.add(w.rstrip("s"))
                    m.descriptors.add(w)

    def _learn_gender(self) -> dict[str, str]:
        """What the text itself says of each person's gender: titles, role words, and the
        possessive in their own clause ("X announced her support" -> X is "she")."""
        votes: dict[str, int] = {}
        for m in self.index.mentions:
            if m.kind not in ("person", "unknown"):
                continue
            words = {w.lower().rstrip(".") for w in m.attrs.get("title", "").split()}
            words |= m.descriptors
            if words & FEMININE_WORDS:
                votes[m.canonical] = votes.get(m.canonical, 0) - 2
            if words & MASCULINE_WORDS:
                votes[m.canonical] = votes.get(m.canonical, 0) + 2
        for tok in self.doc:
            low = tok.lower_
            if low not in FEMININE | MASCULINE or tok.dep_ in ("nsubj", "nsubjpass"):
                continue
            verb = tok.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
                verb = verb.head
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None:
                continue
            m = self.index.by_token.get(subj.i)
            if m is None or m.kind not in ("person", "unknown"):
                continue
            votes[m.canonical] = votes.get(m.canonical, 0) + (-1 if low in FEMININE else 1)
        # "X began moving into politics. She also ..." : a sentence-initial subject pronoun
        # continues the previous sentence's named subject.
        for sent in self.doc.sents:
            first = next((t for t in sent if not (t.is_space or t.is_punct)), None)
            if first is None or first.lower_ not in ("he", "she") or first.dep_ != "nsubj":
                continue
            if sent.start == 0:
                continue
            prev = self.doc[sent.start - 1].sent
            subj = next((t for t in prev if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
            m = self.index.by_token.get(subj.i) if subj is not None else None
            if m is not None and m.kind in ("person", "unknown"):
                votes[m.canonical] = votes.get(m.canonical, 0) + (
                    -1 if first.lower_ == "she" else 1
                )
        return {k: ("f" if v < 0 else "m") for k, v in votes.items() if v}

    def _candidates_before(self, tok: Token, kinds: set[str]) -> list[Mention]:
        sent_start = tok.sent.start
        sents = []
        s = tok.sent
        for _ in range(LOOKBACK_SENTENCES + 1):
            sents.append(s)
            if s.start == 0:
                break
            s = self.doc[s.start - 1].sent
        scored: list[tuple[float, int, Mention]] = []
        for distance, sent in enumerate(sents):
            if distance > 0 and kinds & {"person"}:
                # A pronoun subject carries its antecedent's salience forward: "Lena
                # began... . She also developed... . She joins..."
                for t in sent:
                    if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.lower_ in ("he", "she"):
                        ante = self._pronoun_cached(t)
                        if ante is not None:
                            scored.append((distance - 0.1, -t.i, ante))
                        break
            for m in self.index.mentions:
                if not (sent.start <= m.start < sent.end and m.kind in kinds):
                    continue
                if sent.start == sent_start and m.end > tok.i:
                    continue
                # Salience: a subject two sentences back beats an object in the last one.
                head = self.doc[m.end - 1]
                score = distance + (
                    (0 if head.head.dep_ == "ROOT" else 0.8) if _is_subject(head) else 1.5
                )
                score += 0.5 if m.kind == "unknown" else 0
                scored.append((score, -m.start, m))
        scored.sort(key=lambda x: (x[0], x[1]))
        return [m for _, _, m in scored]

    def _pronoun_cached(self, tok: Token) -> Mention | None:
        if tok.i not in self._cache:
            self._cache[tok.i] = None  # guards against cycles
            self._cache[tok.i] = self.pronoun(tok)
        return self._cache[tok.i]

    def pronoun(self, tok: Token, avoid: set[str] | None = None) -> Mention | None:
        low = tok.lower_
        avoid = avoid or set()
        if low in PERSON_PRONOUNS:
            kinds = {"person", "unknown", "handle"}
        elif low in ORG_PRONOUNS:
            kinds = {"organization"}
        elif low in PLURAL_PRONOUNS:
            kinds = {"organization", "group"}
        else:
            return None
        want = "f" if low in FEMININE else "m" if low in MASCULINE else None
        bound = _subject_spans(tok)
        for m in self._candidates_before(tok, kinds):
            if m.canonical in avoid or m.name in avoid:
                continue
            if any(a <= m.start < b for a, b in bound):
                continue
            if (
                low in PERSON_PRONOUNS
                and (m.kind != "person" or len(m.name.split()) == 1)
                and m.start > 0
                and self.doc[m.start - 1].lower_ in ("the", "a", "an")
            ):
                continue  # "her bid for the Áras": a name after an article is no person
            if want and self.gender.get(m.canonical, want) != want:
                continue
            return m
        return None

    def description(self, tok: Token, avoid: set[str] | None = None) -> Mention | None:
        """ "the union", "the rapper", "the paper's editorial board" -> a named mention."""
        lemma = tok.lemma_.lower()
        avoid = avoid or set()
        if tok.tag_ in ("NNS", "NNPS"):
            return None  # "the parties" means several: no single antecedent
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
        if not dets & {"the", "this", "that", "its", "his", "her", "their"}:
            return None
        if lemma in ("board", "newspaper", "paper") and dets & {"this", "our"}:
            return self.index.publication()  # "has earned this board's endorsement"
        if lemma in BALLOT_HEADS:
            kinds = {"measure"}
        elif lemma in ORG_DESCRIPTORS:
            kinds = {"organization"}
        elif lemma in PERSON_DESCRIPTORS or lemma in OFFICE_NOUNS:
            kinds = {"person", "unknown"}
        else:
            return None
        cands = self._candidates_before(tok, kinds)
        for m in cands:
            if lemma in m.descriptors and m.canonical not in avoid:
                return m
        for m in cands:
            if m.canonical not in avoid and kinds in ({"organization"}, {"measure"}):
                return m
        if kinds == {"organization"}:
            return self._named_later(tok, lemma, kinds, avoid) or self._named_earlier(
                tok, lemma, avoid
            )
        return None

    def _named_earlier(self, tok: Token, lemma: str, avoid: set[str]) -> Mention | None:
        """ "The Northgate Teachers Federation ... [four sentences] ... The union continues
        to back X": beyond the usual look-back, the story's first organization whose own name
        is of the same family (a union, a local, a federation) is the one meant."""
        family = next((f for f in ORG_FAMILIES if lemma in f), None)
        if family is None:
            return None
        for m in self.index.sorted():
            if m.start >= tok.i:
                break
            head = m.name.split()[-1].lower().rstrip(",.") if m.name else ""
            if m.kind == "organization" and m.canonical not in avoid and head in family:
                return m
        return None

    def _named_later(
        self, tok: Token, lemma: str, kinds: set[str], avoid: set[str]
    ) -> Mention | None:
        """Cataphora: "The union representing the deputies has endorsed X. ... The Inland
        Northwest Deputies Guild said..." - a description named only afterwards, within two
        sentences, by a mention described the same way."""
        last_sent = tok.sent.end
        for _ in range(2):
            if last_sent < len(self.doc):
                last_sent = self.doc[last_sent].sent.end
        later = [
            m
            for m in self.index.sorted()
            if tok.i < m.start < last_sent and m.kind in kinds and m.canonical not in avoid
        ]
        for m in later:
            if lemma in m.descriptors or lemma in m.name.lower().split():
                return m
        return None

    def relative(self, tok: Token) -> Token | None:
        """ "X, who endorsed Y" / "Y, whom X endorsed": the noun the relative clause hangs on."""
        if tok.lower_ not in RELATIVE:
            return None
        verb = tok.head
        while verb.dep_ not in ("relcl", "ROOT") and verb.head != verb:
            verb = verb.head
        if verb.dep_ == "relcl":
            head = verb.head
            if head.dep_ == "attr" and head.pos_ == "NOUN" and head.head.lemma_ == "be":
                # "X is a state lawmaker who backed Y": the lawmaker is X
                subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.pos_ == "PROPN":
                    return subj
            return head
        return None
