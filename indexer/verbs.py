"""The opening of a paragraph: its head verb or participle, the adverb before it, and the
opening words as written.

"Also emphasizes the need ..." -> verb "Emphasizes", modifier "also", opening
"Also emphasizes"; "Deeply concerned ..." -> "Concerned", "deeply", "Deeply concerned";
"Recalling also ..." -> "Recalling", "also"; "Calls upon ..." -> "Calls upon".
The verb keeps its capitalization as written (first letter upper-cased); comparisons
elsewhere are case-insensitive.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from resdex.indexer import patterns as P
from resdex.indexer.frozen import fast_init

# adverbs standing before the verb: "Also emphasizes", "Strongly urges", "Deeply concerned",
# "Further requests", "Once again calls upon", "Gravely concerned", "Firmly condemns"
_PRE_MODIFIERS = frozenset(
    P.word_set(
        """also further again strongly deeply gravely seriously firmly fully urgently
        profoundly highly greatly sincerely warmly particularly especially most furthermore
        moreover equally likewise similarly solemnly unequivocally categorically resolutely
        emphatically repeatedly formally officially fervently earnestly"""
    )
)
# two-word adverbs: "Once again calls upon", "Once more"
_PRE_MODIFIER_PAIRS = frozenset({("once", "again"), ("once", "more")})
# adverbs standing after a participle: "Recalling also", "Reaffirming further",
# "Noting also with concern"
_POST_MODIFIERS = frozenset({"also", "further", "again", "furthermore", "moreover"})
# the words that open a verb's object or clause, after which an adverb standing between
# them belongs to the verb: "Decides further that", "Requests further the Secretary-General"
_CLAUSE_STARTS = frozenset(P.word_set("""that the its to all in on upon for with member states"""))
# particles that belong to the verb: "Calls upon", "Takes note", "Bearing in mind",
# "Taking into account", "Having considered", "Looks forward", "Pays tribute"
_PARTICLES: dict[str, tuple[tuple[str, ...], ...]] = {
    "call": (("upon",), ("on",), ("for",)),
    "take": (("note",), ("into", "account"), ("into", "consideration")),
    "bear": (("in", "mind"),),
    "keep": (("in", "mind"),),
    "look": (("forward",),),
    "pay": (("tribute",),),
    "have": (
        ("considered",),
        ("heard",),
        ("examined",),
        ("received",),
        ("reviewed",),
        ("studied",),
        ("noted",),
        ("taken", "note"),
        ("adopted",),
        ("decided",),
        ("regard",),
    ),
}
# adjectives opening preambular paragraphs: "Aware", "Mindful", "Conscious", "Cognizant",
# "Convinced" (ends in -ed but listed for clarity), "Desirous", "Anxious", "Alarmed"
_OPENING_ADJECTIVES = frozenset(
    P.word_set(
        """aware mindful conscious cognizant convinced desirous anxious alarmed concerned
        determined guided noting recognizing reaffirming recalling bearing taking having
        acknowledging welcoming appreciative confident resolved committed gratified
        encouraged disturbed distressed appalled dismayed shocked outraged indignant
        regretting deploring reiterating considering emphasizing stressing underlining
        affirming expressing seized believing"""
    )
)
# "with appreciation", "with concern", "with satisfaction", "with deep regret"
_WITH_NOUNS = frozenset(
    P.word_set("""appreciation concern satisfaction regret alarm interest gratitude approval""")
)
# nouns in -ing that open section headings, not paragraphs: "Peacebuilding financing"
# (ga-md/A_RES_80_11), "Capacity-building", "Funding"
_ING_NOUNS = frozenset(
    P.word_set(
        """peacebuilding financing funding housing training meeting building reporting planning
        monitoring programming mainstreaming networking capacity-building policing
        peacekeeping institution-building statebuilding"""
    )
)
# the participles and adjectives that open preambular paragraphs, as a closed list (not
# "any word in -ing or -ed": "United Nations", "Beijing" and "Kunming-Montreal" start
# lines inside sentences): a line opening with one of these, capitalized, after a line
# ending with a comma starts a new paragraph ("…its full implementation,\nReaffirming
# that the Global Plan of Action was developed:", A/RES/80/228)
PREAMBULAR_OPENERS = frozenset(
    P.word_set(
        """recalling recognizing recognising noting reaffirming welcoming taking having
        concerned expressing stressing emphasizing acknowledging convinced reiterating
        bearing mindful underlining considering condemning conscious aware affirming guided
        highlighting deploring encouraging commending alarmed underscoring determined
        looking cognizant calling acting urging believing disturbed responding determining
        grieved regretting desirous wishing observing referring remaining renewing
        encouraged paying recommitting disappointed re-emphasizing honouring appreciating
        confirming resolved inviting endorsing trusting realizing indignant seized shocked
        dismayed striving proclaiming commemorating reminding distressed reconfirming
        praising desiring anxious appalled outraged satisfied hoping whereas"""
    )
)
# the verbs that open operative paragraphs, as a closed list (the survey's check for two
# paragraphs run together: "…the Advisory Committee; Recalling …" or "…; Decides …")
OPERATIVE_VERBS = frozenset(
    P.word_set(
        """encourages calls requests decides welcomes recognizes urges notes reaffirms
        recalls takes invites stresses expresses reiterates emphasizes acknowledges
        condemns underlines recommends commends demands endorses approves affirms appeals
        underscores deplores declares authorizes supports extends considers resolves
        recommits appreciates re-emphasizes highlights determines confirms agrees reminds
        renews continues commits adopts regrets directs congratulates instructs rejects
        pays warns proclaims appropriates reconfirms undertakes insists censures
        establishes deprecates"""
    )
)


@fast_init
@dataclass(frozen=True, slots=True)
class Opening:
    verb: str | None
    modifier: str | None
    opening: str | None


# the opening of a paragraph that has none (no verb): one object, shared
NO_OPENING = Opening(None, None, None)


def parse_opening(text: str) -> Opening:
    """Split the opening words of a paragraph's text (label already removed)."""
    if text.startswith(("The ", "the ")):
        text = P.SUBJECT_OPENING_RE.sub("", text, count=1)
    return _opening(tuple(_leading_words(text, 10)))


# The first ten words of a paragraph often repeat ("Requests the Secretary-General to
# submit to the General Assembly at its", a draft and its resolution): the opening of
# recent words is kept.
@functools.lru_cache(maxsize=4096)
def _opening(leading: tuple[str, ...]) -> Opening:
    """The opening read from the first words of a paragraph."""
    words = list(leading)
    if not words:
        return NO_OPENING
    lows = [word.lower() for word in words]  # (each word lowered once)
    i = 0
    modifiers: list[str] = []
    while i < len(words) - 1:
        low = lows[i]
        if (low, lows[i + 1]) in _PRE_MODIFIER_PAIRS and i + 2 < len(words):
            modifiers.append(f"{low} {lows[i + 1]}")
            i += 2
        elif low in _PRE_MODIFIERS or (low.endswith("ly") and len(low) > 4 and i == 0):
            modifiers.append(low)
            i += 1
        else:
            break
    verb_words = [words[i]]
    j = i + 1
    if tuple(lows[j : j + 2]) in _PRE_MODIFIER_PAIRS:
        # "Reaffirms once again its commitment" (sc-text/S_RES_0422_1977), "Calls once
        # again upon" -> modifier "once again"
        modifiers.append(f"{lows[j]} {lows[j + 1]}")
        j += 2
    elif j < len(words) and _post_modifier(lows, i, j):
        modifiers.append(lows[j])
        j += 1
    for particle in _PARTICLES.get(_stem(lows[i]), ()):
        if tuple(lows[j : j + len(particle)]) == particle:
            verb_words.extend(words[j : j + len(particle)])
            j += len(particle)
            # an adverb after the particle: "Taking note also of the letter"
            # (sc-text/S_RES_0825_1993) -> verb "Taking note", modifier "also"; "Having
            # considered also" (sc-text/S_RES_0847_1993)
            if j < len(words) and lows[j] in _POST_MODIFIERS:
                modifiers.append(lows[j])
                j += 1
            break
    j = _adverb_after_object(lows, j, modifiers)
    j = _with_phrase_end(lows, j)
    verb = " ".join(verb_words)
    verb = verb[0].upper() + verb[1:]
    return Opening(verb, " ".join(modifiers) or None, " ".join(words[:j]))


def _post_modifier(words: list[str], verb_at: int, j: int) -> bool:
    """Whether ``words[j]`` is an adverb of the verb at ``verb_at`` (``words`` lowered).
    "further" after a verb in -s is one only before the verb's object or clause ("Decides
    further that", "Requests further the Secretary-General", "Calls further for"), not as
    the adjective of a noun ("Strongly encourages further accelerated actions",
    A/RES/80/135: modifier "strongly", not "strongly further"); the other adverbs always
    are ("Recalling also", "Strongly condemns also")."""
    if words[j] not in _POST_MODIFIERS:
        return False
    verb = words[verb_at]
    if words[j] != "further" or not verb.endswith("s") or verb in _OPENING_ADJECTIVES:
        return True  # "also", "again" after a verb are adverbs: "Strongly condemns also"
    return j + 1 >= len(words) or words[j + 1] in _CLAUSE_STARTS


def _adverb_after_object(words: list[str], j: int, modifiers: list[str]) -> int:
    """An adverb standing after the verb's object noun belongs to the verb: "Expressing
    concern also about malicious information" (A/RES/78/16 PP), "Expressing deep concern
    also at the deterioration of debt" (ga-drafts/A_C.2_80_L.12 PP) -> modifier "also";
    ``modifiers`` gets it, and the opening runs to it (``words`` lowered). Returns where
    the opening ends."""
    if modifiers and modifiers[-1] in _POST_MODIFIERS:
        return j  # "Noting also with concern": the adverb is taken already
    # the noun, or words before it: "deep concern", "with concern", "with great concern"
    # ("Noting with great concern also that the COVID-19 pandemic", A/RES/78/136 PP13)
    for k in (j, j + 1, j + 2):
        if k + 1 < len(words) and words[k] in _WITH_NOUNS:
            if words[k + 1] in _POST_MODIFIERS:
                modifiers.append(words[k + 1])
                return k + 2
            return j
    return j


def _with_phrase_end(words: list[str], j: int) -> int:
    """ "Noting with appreciation", "Noting with deep concern", "Noting also with concern":
    the manner phrase belongs to the opening (not to the verb; ``words`` lowered)."""
    if j < len(words) and words[j] == "with":
        for k in range(j + 1, min(j + 4, len(words))):
            if words[k] in _WITH_NOUNS:
                return k + 1
    return j


def looks_like_opening(text: str) -> bool:
    """Whether ``text`` starts like a paragraph: a participle, an opening adjective or an
    operative verb, after optional adverbs ("Recalling", "Deeply concerned", "Decides")."""
    words = _leading_words(text, 3)
    if not words or not words[0][0].isupper():
        return False
    for word in words:
        low = word.lower()
        if low in _PRE_MODIFIERS or (low.endswith("ly") and len(low) > 4):
            continue
        if low in _ING_NOUNS:
            return False
        return low in _OPENING_ADJECTIVES or low.endswith(("ing", "ed"))
    return False


def _leading_words(text: str, limit: int) -> list[str]:
    return _leading(text.split(None, limit)[:limit])  # (the first ``limit`` words of split())


def _leading(tokens: list[str]) -> list[str]:
    """The words that open a text, from its first tokens (``split()``): up to the first
    that is no word or ends with a comma, semicolon or colon."""
    words: list[str] = []
    for token in tokens:
        if token.isalpha() and token.isascii():  # (a word of ASCII letters alone: most)
            words.append(token)
            continue
        word = token.rstrip(",;:")
        # (the cheap test first: a word of ASCII letters only is a leading word)
        if not (word.isascii() and word.isalpha()) and not P.LEADING_WORD_RE.fullmatch(word):
            break
        words.append(word)
        if token[-1] in ",;:":
            break
    return words


def _stem(word: str) -> str:
    """ "calls"/"calling"/"call" -> "call"; "taking"/"takes" -> "take"; "bearing" -> "bear"."""
    for suffix, repl in (("ing", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)] + repl
            if base in ("tak", "hav"):
                return base + "e"
            if base in _PARTICLES:
                return base
    return word


def looks_like_operative(text: str) -> bool:
    """Whether ``text`` opens with an operative verb in the third person singular, after
    optional adverbs: "Recommends", "Also decides", "Calls upon" (not "Conscious")."""
    verb = parse_opening(text).verb
    if verb is None or not text[:1].isupper():
        return False
    head = verb.split()[0].lower()
    return (
        head.endswith("s")
        and not head.endswith(("ss", "ous"))
        and head not in _OPENING_ADJECTIVES
        and head not in PREAMBULAR_OPENERS  # "Whereas" (sc-text/S_RES_0070_1949)
        and len(head) > 3
    )


def opens_with_listed_opener(text: str, *, operative: bool = False) -> bool:
    """Whether ``text`` opens, capitalized, with a preambular opener of the closed list
    (after optional adverbs: "Deeply concerned", "Recalling also"), or, with
    ``operative``, with an operative verb of the closed list ("Also decides")."""
    if not text[:1].isupper():
        return False
    vocabulary = OPERATIVE_VERBS if operative else PREAMBULAR_OPENERS
    words = text.split(None, 6)
    for i, word in enumerate(_leading(words[:3])):
        low = word.lower()
        if low in vocabulary:
            return not _title_case(words[i + 1 : i + 4])
        if low not in _PRE_MODIFIERS:
            return False
    return False


def continues_a_name(line: str) -> bool:
    """Whether a line that starts with a capitalized word goes on with a name begun on the
    line before, rather than opening a paragraph: "…the Palestine Land Development
    Company,⏎Limited, is instructed to cease" (S/RES/93 (1951)), "…the agreements to be
    signed by the parties in Arusha,⏎United Republic of Tanzania, in order to"
    (S/RES/846 (1993)): its first word is none of the closed lists' openers, and a comma
    and a lower-case word, or another capitalized word, follows it."""
    match = P.NAME_CONTINUATION_RE.match(line)
    if match is None:
        return False
    first = match.group("first").lower()
    return first not in PREAMBULAR_OPENERS | OPERATIVE_VERBS | _OPENING_ADJECTIVES | _PRE_MODIFIERS


def _title_case(words: list[str]) -> bool:
    """ "Acting United Nations Mediator" (S/RES/72 (1949)), "Taking into Particular Account
    the Needs" (a title quoted in A/RES/79/29): two capitalized words of the next three
    make a name or a title, not a paragraph's opening."""
    return sum(1 for w in words if w[:1].isupper()) >= 2


def has_operative_clause(text: str) -> bool:
    """Whether ``text`` holds, after a comma, a clause opened by an operative verb of the
    closed list: "Noting with concern the refusal …, considers that the parties should
    permit such entry …" (sc-text/S_RES_0093_1951)."""
    return any(m.group("word") in OPERATIVE_VERBS for m in P.CLAUSE_WORD_RE.finditer(text))


def opens_after_lost_terminal(previous: str, text: str) -> bool:
    """Whether ``text`` opens a new paragraph after ``previous`` although ``previous`` has
    no closing comma or semicolon (lost in OCR of the Security Council yearbooks): the
    previous text ends a sentence-like unit (a word other than "of", "the", "and" …, a
    number or a closing bracket; no hyphen) and ``text`` opens, capitalized, with a verb
    of the closed lists (not a name: "Acting Mediator"): "…following the hostilities of
    5 June" then "Recalling its resolution 237 (1967) of 14 June 1967,"
    (sc-text/S_RES_0259_1968)."""
    if not text[:1].isupper():  # (the cheap test first: most lines go on in lower case)
        return False
    if P.search_end(P.LOST_TERMINAL_END_RE, previous) is None:
        return False
    words = previous.rsplit(None, 1)
    last = words[-1].lower() if words else ""
    if last in P.UNFINISHED_LAST_WORDS or continues_a_name(text):
        return False
    return opens_with_listed_opener(text) or opens_with_listed_opener(text, operative=True)
