"""English advice rewritten as an open question: "Why don't you put them in pairs?" -> "What
would happen if you put them in pairs?". The advice's action becomes "if you ..."."""
from __future__ import annotations

import itertools
import re

from flows.classifier.lexicon import word_set
from flows.classifier.text import MOMENT_WORDS
from flows.classifier.words_en import NOT_A_GERUND

TEMPLATE = "What would happen if you {}?"
HINDSIGHT = "What would have happened if you had {}?"
THEY_TEMPLATE = "What would happen if {}?"  # advice about the pupils: they stay the subject
THEY_HINDSIGHT = "What would have happened if {} had {}?"
TRIED = "What would happen if you tried {}?"
OPINION = "How do you see {} yourself?"
OPINION_GENERIC = "How do you see that yourself?"
INFORMATION = "What do you think is going on here?"

_SOFT = re.compile(r"\b(?:just|maybe|perhaps|probably|definitely|totally|really|simply|also|"
                   r"always|actually|honestly|possibly|def|defo|deffo|100%),?\s+")
# A reason or comment after the advice is not part of the action; spoken, without a comma,
# a purpose ("so they can see it") or a reason ("because ...") starts the same way.
# After a comma, what the advice did for the writer is a comment too ("..., works a treat").
_REASON = re.compile(r"(?:(?:,| -)\s*(?:that|it|this|then|so|they'll|it'll|which|because|as|"
                     r"works|worked|helps|helped|saves|saved|they|he|she|we|everyone|the kids|"
                     r"the class|the students|you're|you are|you'll|"
                     # a comment with its own subject: "..., cold calling works"
                     r"(?:[\w'-]+ ){1,3}(?:works|worked|helps|helped|saves|saved|is|was)\b)"
                     r"| so (?:that )?(?:they|he|she|you|we|it|everyone|everybody|the kids|the class|"
                     r"the students|kids|students)| because)\b.*$"
                     # the writer's hedge or laugh after the advice: "..., I think", "... lol"
                     r"|,?\s+(?:i think|i guess|i reckon|imo|tbh|lol|haha)$")
# An action opens with a verb ("if you put ..."), or after "tried" with a noun phrase too. An
# act that opens with one of these words is a clause or a noun phrase cut from a longer, often
# spoken, turn: "if you there are ...", "if you a six", "if you my sense is ...".
_NO_ACTION = word_set("""if when what why how who which where because but and or so as i you we
    they he she it me us them there here yes yeah okay ok um uh is are was were am might could
    would should can will may must shall thanks wouldn't couldn't shouldn't won't can't isn't
    aren't wasn't weren't haven't hasn't hadn't""")
_SUBJECT_VERB = word_set("could should would can will might may must is was are were has have does did")
_NO_VERB = _NO_ACTION | word_set("""a an the one two three my your his her our their its this
    that these those some any other another every each all no not like well better at in on for
    with by from to of about after before during into""")
_LEADS = re.compile(r"^(?:(?:my |a |one |\w+ )?(?:tip|suggestion|idea|advice):\s*|(?:and|so|ok|okay|then|well)[,:]?\s+)+")

# (pattern, template): the first that matches gives the action in group "act".
_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"\bwhat if (?:you )?(?P<act>.+)$", TEMPLATE),
    (r"\bhave you (?:ever |already )*(?:tried|experimented with),? (?P<act>.+)$", TRIED),
    (r"\b(?:have you|did you) (?:ever |already )*(?:thought about|thought of|considered|think about|consider|looked into) (?P<act>.+)$", TRIED),
    (r"\bdid you (?:ever )?try (?P<act>.+)$", TRIED),
    (r"\b(?:what|how) about (?P<act>.+)$", TRIED),
    (r"\bwhy (?:don't|not|wouldn't|won't|do not) (?:you )?(?P<act>.+)$", TEMPLATE),
    (r"\b(?:could|can|couldn't|can't|would|wouldn't) you (?:not )?(?P<act>.+)$", TEMPLATE),
    ((r"\byou (?:really |just |definitely |honestly |probably |also |simply |seriously )?"
      r"(?:might want to|could always|can always|want to|need to|have to|ought to|'d better|"
      r"had better|could|should|shall|might|may|can|must) (?:try to )?(?P<act>.+)$"), TEMPLATE),
    (r"\byou(?:'d| had) (?:better|best) (?P<act>.+)$", TEMPLATE),
    (r"\byou (?:shouldn't|mustn't|should not|must not) (?P<act>.+)$", "What would happen if you did not {}?"),
    (r"\bi(?:'d| would) (?:suggest|recommend) (?:that you |you )?(?P<act>.+)$", TEMPLATE),
    (r"\bi (?:suggest|recommend) (?:that you |you )?(?P<act>.+)$", TEMPLATE),
    (r"\bi(?:'d| would) (?:probably |personally |definitely |also |just )*(?P<act>.+)$", TEMPLATE),
    ((r"\b(?:would|wouldn't|might|could|couldn't) it (?:not )?(?:have been|be) (?:\w+ )?"
      r"(?:better|easier|good|a good idea|smarter|wiser|calmer) (?:\w+ )?to (?P<act>.+)$"), TEMPLATE),
    ((r"(?:\bit(?:'d| would| might| could| may| will)?|^(?:might|could|would|may)) (?:\w+ )?"
      r"(?:help|be (?:worth|better|good|helpful|useful|smart|wise|handy|"
      r"a good idea|an idea|nice|easier))(?: \w+)? to (?P<act>.+)$"), TEMPLATE),
    (r"\b(?:it's|it is|might be|could be|would be) (?:\w+ )?worth (?P<act>\w+ing.*)$", TRIED),
    (r"\bworth (?:trying|considering) (?P<act>.+)$", TRIED),
    (r"\b(?:try|consider) (?P<act>\w+ing.*)$", TRIED),
    (r"\btry to (?P<act>.+)$", TEMPLATE),
    (r"\btry (?P<act>.+)$", TRIED),
    (r"\bnext time,? (?:you could |try to |maybe )?(?P<act>.+)$", "What would happen if next time you {}?"),
    (r"\bmake sure (?:you |that you )?(?P<act>.+)$", TEMPLATE),
)
# "I would have split the group": what the writer would have done then, not an action now.
_HINDSIGHT = re.compile(r"have (?:\w+ed|\w+en|split|put|let|set|kept|left|made|sent|brought|"
                        r"told|said|done|gone|taught|held|stood|sat)\b")
_IMPERATIVE = re.compile(r"^(?:maybe |perhaps |just )?(?P<act>(?!(?:i|you|we|it|the|this|that|they|he|she)\b)[a-z]+\b.*)$")


def _clean(act: str) -> str:
    act = _REASON.sub("", act.strip())
    act = _SOFT.sub("", act).strip(" ,.!?")
    # Chat spelling "u" was read as "you"; after "a" it was the letter: "in a U shape".
    act = re.sub(r"\ba you\b", "a U", act)
    # "don't forget to agree on X": the action is agreeing on X
    act = re.sub(r"^(?:don't|do not|never) forget (?:to )?", "", act)
    act = re.sub(r"^(?:be)\b", "are", act)
    act = re.sub(r"\bdon't\b", "do not", act) if act.startswith("don't") else act
    return act


# "The pupils should work in pairs": advice about the pupils keeps them as the subject ("if
# they work in pairs"); one pupil or the class "were to" ("if he were to sit at the front").
_THEY_SHOULD = re.compile(r"^(?:maybe |perhaps |and |so )?(?P<who>they|the (?P<many>pupils|kids|"
                          r"children|students|boys|girls|groups)|he|she|the class|the group)"
                          r"(?: should| ought to| had better|'d better) (?P<act>.+)$")


def _their_better_way(m: re.Match[str]) -> str | None:
    act = _clean(m.group("act"))
    if _HINDSIGHT.match(act):  # "they should have started earlier"
        return THEY_HINDSIGHT.format(m.group("who"), act[len("have "):])
    if not _is_action(act, TEMPLATE):
        return None
    many = m.group("who") == "they" or m.group("many")
    return THEY_TEMPLATE.format(f"{m.group('who')} {'' if many else 'were to '}{act}")


def rephrase_tip(sentence: str) -> str | None:
    """A tip as "What would happen if you …?", or None when its action cannot be found."""
    s = _LEADS.sub("", sentence.strip().rstrip(".!? ")).strip()
    m = re.match(r"^next time,? (?P<rest>.+)$", s)
    if m:
        inner = rephrase_tip(m.group("rest"))
        if inner and inner.startswith("What would happen if you "):
            return "What would happen if next time you " + inner[len("What would happen if you "):]
    # "At 1:10, wait until ...": the moment goes to the end of the question.
    m = re.match(r"^(?P<at>(?:" + MOMENT_WORDS["en"] + r") (?:<ts>|TS)),? (?P<rest>.+)$", s)
    if m and not re.search(r"<ts>|\bTS\b", m.group("rest")):  # one moment: its place is clear
        inner = rephrase_tip(m.group("rest"))
        return f"{inner[:-1]} {m.group('at')}?" if inner else None
    # "Maybe a timer would help", "perhaps speaking more softly would help": the thing to try.
    m = re.match(r"^(?:maybe|perhaps),? (?P<np>(?:(?:a|an|some|the) |" + NOT_A_GERUND
                 + r"\w{3,}ing\b).+?)(?: (?:would|could|might|may|will) (?:really |also )?"
                 r"(?:help|work)\b.*)?$", s)
    if m:
        return TRIED.format(_clean(m.group("np")))
    m = _THEY_SHOULD.match(s)
    if m:
        return _their_better_way(m)
    own = _own_experience(s)
    if own is not None:
        return own or None
    # "Put the tables in a horseshoe so you can see every face": "you can" is the purpose.
    s = _PURPOSE.sub("", s) or s
    for pattern, template in _PATTERNS:
        m = re.search(pattern, s)
        if m and _WH_BEFORE.search(s[:m.start()]):
            return None  # "... how i'd look at it": a question inside the sentence, no advice
        if m:
            act = _clean(m.group("act"))
            if s[m.start():].startswith(("i'd ", "i would ")) and (
                    act.startswith(("never ", "not ")) or _HINDSIGHT.match(act)):
                return None  # "I would never ...", "I would have ...": the writer's stance
            if template == TEMPLATE and _HINDSIGHT.match(act):
                # "you should have waited longer": the question looks back the same way
                return HINDSIGHT.format(act[len("have "):])
            if template == TEMPLATE and act.startswith("try "):
                # "you could try a countdown" -> "if you tried a countdown"
                act = act[4:]
                if act.startswith("to "):
                    return TEMPLATE.format(act[3:])
                return TRIED.format(act)
            return template.format(act) if _is_action(act, template) else None
    m = _IMPERATIVE.match(s)
    if m and _is_action(act := _clean(m.group("act")), TEMPLATE):
        return TEMPLATE.format(act)
    return _thing_to_try(s)


_PURPOSE = re.compile(r"(?:,?\s+so (?:that )?you|,\s*then you)\b.*$")
_WH_BEFORE = re.compile(r"\b(?:how|what|where|which)\s+$")
# What worked for the writer ("What works for me is a timer on the board", "In my experience
# a timer helps"): the member can try the same thing when it is one.
_OWN_EXPERIENCE = re.compile(
    r"^(?:what (?:really |always |usually )?(?:works|worked|helps|helped)(?: for me| for us| in my class)?"
    r"(?: really| a lot| best| well)? (?:is|was) (?P<thing>.+)"
    r"|(?:one thing|something) that (?:really )?(?:works|worked|helps|helped)(?: for)?(?: me| us)? "
    r"(?:is|was) (?P<thing2>.+)"
    r"|(?:in my experience|for me|in my class),? (?P<thing3>.+?) (?:really |always )?"
    r"(?:helps?|works?|helped|worked)\b.*"
    r"|i(?:'ve| have) (?:had )?(?:\w+ )?(?:good|great|positive) (?:experiences?|results|luck) "
    r"(?:with|using) (?P<thing4>.+))$")
# After "in my experience" or "good experiences with" a thing needs no article ("fixed groups").
_NOT_A_THING = word_set("you i it they that this when if we he she there what how")


def _own_experience(s: str) -> str | None:
    """"What would happen if you tried <the thing>?" for a short noun phrase; "" for an own
    experience that names no thing ("what works for me is when they ...")."""
    m = _OWN_EXPERIENCE.match(s)
    if m is None:
        return None
    thing = _REASON.sub("", m.group("thing") or m.group("thing2") or m.group("thing3")
                        or m.group("thing4"))
    words = thing.strip(" ,.!?").split()
    # "a timer on the board", or a way of doing ("giving the early ones a job")
    opens = words[0] in ("a", "an", "the", "some") if words else False
    opens = opens or bool(words and _GERUND.match(words[0]))
    bare = bool(m.group("thing3") or m.group("thing4"))
    opens = opens or bool(bare and words and words[0] not in _NOT_A_THING)
    if not 2 <= len(words) <= 7 or not opens or any(
            w in _NOT_IN_THING for w in words[1:]):
        return ""
    return TRIED.format(" ".join(words))


_GERUND = re.compile(NOT_A_GERUND + r"\w{3,}ing$")


# A tip that only names a thing to try ("a quick brain break halfway might help them", "a
# short game after the break maybe?"): "What would happen if you tried <the thing>?".
_THING = re.compile(r"^(?:maybe |perhaps |just )?(?P<thing>(?:a|an|some) [\w' -]+?)"
                    r"(?: (?:first|halfway|instead|maybe|perhaps))*"
                    r"(?: to \w.*| (?:might|could|would|will|may|can) (?:really |also )?"
                    r"(?:help|work)\b.*"
                    # what the thing does is a comment: "a fixed spot for phones saves hassle"
                    r"| (?:saves|helps|works|makes|keeps|stops|calms)\b.*)?$")
_NOT_IN_THING = _NO_ACTION | word_set("be been have has had do does did i'm it's that's")


def _thing_to_try(s: str) -> str | None:
    """The thing, if it is one: three words or more ("a six" says too little), and no verb or
    pronoun in it (then it is a clause: "a lot of my clients have shared ...")."""
    m = _THING.match(s)
    words = m.group("thing").split() if m else []
    if len(words) < 3 or any(w in _NOT_IN_THING for w in words[1:]):
        return None
    return TRIED.format(" ".join(words))


def _is_action(act: str, template: str) -> bool:
    """Whether `act` reads as the action of `template`: "if you" wants a verb ("put", not "a
    six" or "dieting"), "if you tried" also takes a noun phrase or an -ing form."""
    words = [w.strip(",;:-") for w in act.split()]
    first = words[0] if words else ""
    # "Sam could hand out ...": a subject and its verb, not an action.
    if not first or first in _NO_ACTION or words[1:2] and words[1] in _SUBJECT_VERB:
        return False
    return template != TEMPLATE or not (first in _NO_VERB
                                        or (len(first) > 6 and first.endswith("ing")))


# Where the thing an opinion is about ends: its verb, an adverb, a preposition, a pronoun.
_NP_END = word_set("""is was are were isn't wasn't aren't weren't really just so very too quite
    pretty seems seemed looks looked felt feels works worked made makes got gets went goes came
    had has have did does can could would will should might may must to in on at with for by
    from about of the a an you they he she we i it that which who only also always never still
    even actually definitely means needs sounds helps takes gives shows keeps suits says lets""")
_PRONOUN = word_set("you they he she we i")


def rephrase_opinion(sentence: str) -> str:
    """"How do you see the seating plan yourself?": the opinion's subject, up to three words
    (and "of the ..."), or the generic question where it has none or it runs on into a clause
    ("the way you got him back ...")."""
    m = re.match(r"^(?:(?:honestly|well|so|ok)[,?!]? )?(?P<det>the|that|this|those|these) "
                 r"(?P<rest>.+)$", sentence)
    if not m:
        return OPINION_GENERIC
    words = [w.strip(",.!?") for w in m.group("rest").split()]
    head = list(itertools.takewhile(
        lambda w: w and w not in _NP_END and not w.endswith("n't"), words[:3]))
    after = words[len(head):]
    if after[:1] == ["of"] and len(after) > 1:  # "the explanation of the rules"
        of = after[:3] if after[1] == "the" and len(after) > 2 else after[:2]
        head, after = head + of, after[len(of):]
    if not head or after[:1] and after[0] in _PRONOUN:
        return OPINION_GENERIC
    return OPINION.format(" ".join([m.group("det"), *head]))
