"""The cue lexicon: which words state support, opposition or withdrawal, and which words cancel it.

This is data, kept in one place so that tests can run an example sentence for every entry and
so that the lexicon can grow without touching the dependency logic in `patterns.py`. Only
generic English words live here: the extractor knows no person or organization in advance.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class VerbCue:
    stance: str
    kind: str
    #: Prepositions that introduce the endorsee ("campaign FOR X", "rally BEHIND X").
    #: Empty tuple: the direct object is the endorsee.
    preps: tuple[str, ...] = ()
    #: True when the direct object also works ("back X" and "back for" are both fine).
    takes_object: bool = True


# Verbs whose subject endorses (or opposes, or withdraws from) their object.
VERB_CUES: dict[str, VerbCue] = {
    "endorse": VerbCue("support", "endorsement"),
    "back": VerbCue("support", "endorsement"),
    "support": VerbCue("support", "endorsement"),
    "champion": VerbCue("support", "endorsement"),
    "nominate": VerbCue("support", "endorsement"),
    "propose": VerbCue("support", "endorsement"),
    "second": VerbCue("support", "endorsement"),
    "re-endorse": VerbCue("support", "endorsement"),
    "reendorse": VerbCue("support", "endorsement"),
    "vote": VerbCue("support", "vote", ("for",), takes_object=False),
    "campaign": VerbCue("support", "campaigning", ("for", "with", "alongside"), False),
    "stump": VerbCue("support", "campaigning", ("for",), False),
    "rally": VerbCue("support", "campaigning", ("for", "behind", "around"), False),
    "canvass": VerbCue("support", "campaigning", ("for",), False),
    "fundraise": VerbCue("support", "fundraising", ("for",), False),
    "oppose": VerbCue("oppose", "endorsement"),
    "reject": VerbCue("oppose", "endorsement"),
    "defeat": VerbCue("oppose", "campaigning"),
    "unendorse": VerbCue("withdraw", "endorsement"),
    "un-endorse": VerbCue("withdraw", "endorsement"),
    "disavow": VerbCue("withdraw", "endorsement"),
    "abandon": VerbCue("withdraw", "endorsement"),
    "ditch": VerbCue("withdraw", "endorsement"),
    "dump": VerbCue("withdraw", "endorsement"),
}

# Verbs that only count when the subject campaigns against the object in an election context,
# so they need an explicit election word nearby ("oppose" is in VERB_CUES; these are weaker).
CAMPAIGN_AGAINST_PREPS = ("against",)

# Nouns that name an act of support: "X's endorsement of Y", "the backing of X".
NOUN_CUES: dict[str, tuple[str, str]] = {
    "endorsement": ("support", "endorsement"),
    "backing": ("support", "endorsement"),
    "support": ("support", "endorsement"),
    "nod": ("support", "endorsement"),
    "imprimatur": ("support", "endorsement"),
    "blessing": ("support", "endorsement"),
    "vote": ("support", "vote"),
    "pick": ("support", "endorsement"),
    "choice": ("support", "endorsement"),
    "opposition": ("oppose", "endorsement"),
}

# Nouns for the people who support: "among X's endorsers", "X's backers were A and B".
AGENT_NOUNS: dict[str, str] = {
    "endorser": "support",
    "backer": "support",
    "supporter": "support",
    "proposer": "support",
    "seconder": "support",
    "champion": "support",
    "surrogate": "support",
    "co-chair": "support",
    "cochair": "support",
    "chair": "support",
    "manager": "support",
}
# Heads that make an agent noun a campaign role ("campaign manager", "campaign co-chair").
CAMPAIGN_ROLE_NOUNS = {"chair", "co-chair", "cochair", "manager", "surrogate"}

# Verbs that take back an earlier endorsement, with the noun they act on: "rescinded his
# endorsement of X", "pulled her support for X", "withdrew its backing".
WITHDRAW_VERBS = {
    "rescind", "withdraw", "pull", "retract", "revoke", "drop", "suspend", "end", "yank",
    "reverse", "cancel", "take", "pause", "sever", "switch", "abandon",
}

# Verbs by which a subject gives support to someone: "announced her support of X",
# "pledged his support to X", "threw her weight behind X", "lent his name to X".
GIVE_VERBS = {
    "announce", "pledge", "give", "throw", "lend", "offer", "declare", "express", "voice",
    "signal", "add", "put", "cast", "issue", "extend", "reiterate", "confirm", "make",
}
# Nouns that, as the object of a give-verb, carry the support to the prepositional object.
GIVE_OBJECTS = {
    "support", "endorsement", "backing", "weight", "vote", "name", "voice", "clout", "muscle",
    "blessing", "nod", "imprimatur",
}

# Verbs by which the subject *receives* support from someone: "won the backing of X",
# "picked up an endorsement from X", "has the support of X".
RECEIVE_VERBS = {
    "win", "get", "receive", "earn", "secure", "pick", "land", "gain", "garner", "rack",
    "collect", "have", "hold", "enjoy", "boast", "score", "nab", "snag", "capture", "add",
    "accept", "tout", "claim", "attract", "rake", "obtain", "keep", "retain", "be",
}

# Nouns of description that point back to a named organization ("the union said").
ORG_DESCRIPTORS = {
    "union", "group", "organization", "organisation", "order", "paper", "newspaper", "board",
    "party", "committee", "association", "federation", "council", "coalition", "pac",
    "campaign", "league", "caucus", "movement", "club", "alliance", "fund", "network",
    "society", "guild", "brotherhood", "chamber", "company", "firm", "outlet", "publication",
    "daily", "magazine", "station", "editorial",
}
# Nouns of description that point back to a named person ("the rapper said").
PERSON_DESCRIPTORS = {
    "rapper", "singer", "actor", "actress", "star", "senator", "governor", "mayor", "congressman",
    "congresswoman", "lawmaker", "legislator", "representative", "candidate", "businessman",
    "businesswoman", "billionaire", "mogul", "entrepreneur", "comedian", "host", "musician",
    "athlete", "player", "champion", "coach", "president", "leader", "chairman", "chairwoman",
    "activist", "author", "celebrity", "icon", "superstar", "director", "producer", "anchor",
    "councilman", "councilwoman", "councilmember", "minister", "premier", "chancellor",
    "incumbent", "challenger", "nominee", "frontrunner", "front-runner", "official",
    "executive", "founder", "ceo", "veteran", "pastor", "reverend", "judge", "sheriff",
    "commissioner", "attorney", "lieutenant", "secretary", "speaker", "mp", "deputy",
    "rep", "sen", "gov", "hopeful", "contender", "entertainer", "personality", "influencer",
    "quarterback", "forward", "pitcher", "boxer", "wrestler", "model", "designer", "writer",
    "filmmaker", "novelist", "poet", "chef", "economist", "scholar", "professor", "surgeon",
    "doctor", "physician", "lawyer", "banker", "investor", "philanthropist", "astronaut",
    "man", "woman", "politician", "statesman", "diplomat", "tycoon", "magnate",
    "great", "legend", "daughter", "son", "wife", "husband", "widow", "mother", "father",
}

# Words in an object that show the thing endorsed is not a candidate.
NON_ELECTION_OBJECTS = {
    "bill", "act", "plan", "policy", "proposal", "legislation", "law", "budget", "deal",
    "product", "brand", "book", "report", "standard", "license", "licence", "permit", "sneaker",
    "shoe", "treaty", "agreement", "resolution", "framework", "package", "reform", "idea",
    "strategy", "approach", "project", "program", "programme", "initiative", "platform",
    "agenda", "statement", "letter", "petition", "call", "decision", "ruling", "measure's",
    "effort", "campaign's", "view", "claim", "candidacy's", "rule", "ban", "tax", "mandate",
    "ceasefire", "peace", "pipeline", "merger", "app", "company", "drink", "film", "movie",
    "album", "song", "show", "restaurant",
}

# Head words of ballot measures that can be endorsees ("Proposition 30", "Measure B").
BALLOT_HEADS = {
    "proposition", "prop", "measure", "question", "amendment", "initiative", "referendum",
    "issue", "referendums", "amendments", "propositions",
}

# Governors that cancel the cue below them: "declined to endorse", "refused to back".
NEGATING_GOVERNORS = {
    "decline", "refuse", "fail", "hesitate", "stop", "avoid", "resist", "reject", "deny",
    "forgo", "forego", "abstain", "neglect", "balk", "shy", "stay", "remain", "withhold",
    "cease", "quit",
}
# Governors that make the cue hypothetical or future: "is expected to endorse".
MODAL_GOVERNORS = {
    "expect", "plan", "consider", "weigh", "mull", "intend", "hope", "want", "wish", "likely",
    "poise", "prepare", "set", "seek", "try", "aim", "threaten", "ponder", "contemplate",
    "debate", "discuss", "need", "rumor", "rumour", "speculate", "predict", "wonder", "tempt",
    "able", "unlikely", "ready", "willing", "eager", "open", "reluctant", "go", "tease", "hint",
    "appear", "seem", "look", "hesitate", "think", "mean", "prefer", "love", "like",
    "struggle", "scramble", "vie", "compete", "court", "covet", "pursue", "await",
}
# Modal auxiliaries: "may endorse", "could back". "would"/"will" are fine only as reported
# past speech ("announced it would endorse X") and never under a condition.
MODAL_AUX = {"may", "might", "could", "should", "can", "must", "shall", "ought", "wo", "ca"}
FUTURE_AUX = {"would", "will", "'d", "'ll", "d"}
# Of the modal governors, these are fine in *reported* past speech: "announced it would
# endorse", "said they would vote for him", "decided to back".
REPORTING_VERBS = {
    "say", "announce", "tell", "declare", "confirm", "state", "write", "tweet", "post",
    "add", "explain", "insist", "reveal", "note", "pledge", "vow", "promise", "make",
}
# Urging verbs turn "urged voters to back X" into support by the urger.
URGE_VERBS = {"urge", "call", "encourage", "ask", "implore", "tell", "press", "exhort", "beg"}
# Hedging adverbs and adjectives that cancel a claim.
HEDGES = {
    "reportedly", "allegedly", "possibly", "perhaps", "maybe", "potentially", "probably",
    "supposedly", "rumored", "rumoured", "hypothetically", "eventually", "soon",
    "incorrectly", "falsely", "erroneously", "wrongly", "mistakenly", "inaccurately",
}
NEGATIONS = {"not", "n't", "never", "no", "nor", "neither", "without"}
