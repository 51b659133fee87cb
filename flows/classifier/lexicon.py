"""The shape of a per-language cue lexicon, so the rules in `rules.py` read the same for Dutch
and English. Every field is a compiled pattern searched in one normalised sentence (lower
case, time stamps as "<ts>"). A pattern may name groups `a` and `b`: the cue shown in a
nudge is then "a ... b" (e.g. "zou je ... kunnen"), otherwise the whole match."""
from __future__ import annotations

import re
from dataclasses import dataclass


def alt(*parts: str) -> str:
    """Alternatives as one non-capturing group."""
    return "(?:" + "|".join(parts) + ")"


def words(block: str) -> str:
    """A whitespace-separated word list as alternatives, longest first (so "werkte" wins over
    "werk")."""
    items = sorted(set(block.split()), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace("_", " ").replace(r"\ ", " ") for w in items) + ")"


def word_set(block: str) -> frozenset[str]:
    """A whitespace-separated word list as a set."""
    return frozenset(block.split())


def rx(*parts: str) -> re.Pattern[str]:
    """Word-bounded alternatives compiled once into one pattern (one scan per sentence). The
    cue groups `a`/`b` of each alternative are renamed `a0`/`b0`, `a1`/`b1`, ... since a
    pattern may define a group name only once."""
    numbered = [p.replace("(?P<a>", f"(?P<a{i}>").replace("(?P<b>", f"(?P<b{i}>")
                for i, p in enumerate(parts)]
    # A part may end in a space ("kun je niet "): then the next word needs no boundary.
    boundaries = r"(?<![\w'])", r"(?:(?<=[\s:])|(?![\w']))"
    if all(p.startswith("^") for p in numbered):
        # Every part opens the sentence: with "^" first, a search stops after the first
        # position (re gives up on a pattern that starts with "^"), instead of trying them all.
        return re.compile("^" + boundaries[0] + alt(*(p[1:] for p in numbered)) + boundaries[1])
    return re.compile(boundaries[0] + alt(*numbered) + boundaries[1])


def cue_of(m: re.Match[str]) -> str:
    """The words that decided: "a ... b" for a gapped cue, else the whole match."""
    named = {k[0]: v for k, v in m.groupdict().items() if v is not None}
    if "a" in named and "b" in named:
        if m.group(0).strip() == f"{named['a']} {named['b']}":
            return m.group(0).strip()
        return f"{named['a']} ... {named['b']}"
    return m.group(0).strip(" ,.:;!?")


@dataclass(frozen=True)
class Lexicon:
    lang: str
    # Logistics, technical trouble, planning and meta talk: other, whatever the form.
    other: re.Pattern[str]
    # Weaker signs of other that a clearer act in the same sentence outweighs ("sorry, ...").
    other_weak: re.Pattern[str]
    # A question about procedure from the writer's own side ("mag ik", "where do I") or to the
    # whole group ("jullie", "everyone").
    other_question: re.Pattern[str]
    # A whole sentence that is only a greeting or a bare acknowledgement.
    greeting: re.Pattern[str]
    ack: re.Pattern[str]
    # Theory, research, rules and "did you know": information in any form.
    information: re.Pattern[str]
    # A general claim about pupils, learning or teaching (checked only without deixis).
    generic_claim: re.Pattern[str]
    # A sentence that opens on a bare plural or a generic noun phrase ("Pupils with ADHD ...",
    # "Kinderen van deze leeftijd ..."): a claim about people in general, not about this clip.
    generic_subject: re.Pattern[str]
    deixis: re.Pattern[str]
    # Advice in any form, including questions ("heb je al eens geprobeerd", "why not").
    tip: re.Pattern[str]
    # A question word asking what the inbrenger tried ("wat heb je al geprobeerd", "which
    # strategies have you tried"): the open question of the options phase, never the advice
    # in "heb je al eens geprobeerd om ..." / "have you tried ...", whose words it shares.
    asked_tried: re.Pattern[str]
    # Advice that only counts in a statement ("je kunt beter", "you could").
    tip_statement: re.Pattern[str]
    imperative: re.Pattern[str]
    # An invitation to say more, even without a question mark ("vertel eens", "I wonder how").
    open_request: re.Pattern[str]
    reflection: re.Pattern[str]
    reflection_you: re.Pattern[str]
    affirmation: re.Pattern[str]
    thanks: re.Pattern[str]
    clip_praise: re.Pattern[str]
    # Praise that reads as affirmation but is about a classroom moment: an opinion then.
    classroom_moment: re.Pattern[str]
    # Words about sharing, asking and learning in the group: praise of those is affirmation.
    intervision_meta: re.Pattern[str]
    # "te lang", "too strict": a verdict, even inside praise-like or person-directed words.
    too: re.Pattern[str]
    # Praise words: with "you" and no classroom moment, praise of the person (affirmation).
    positive: re.Pattern[str]
    second_person: re.Pattern[str]
    opinion: re.Pattern[str]
    evaluative: re.Pattern[str]
    verdict_question: re.Pattern[str]
    # A yes/no question that is really a suggestion ("niet beter", "wouldn't it be easier").
    suggestive_question: re.Pattern[str]
    wh_start: re.Pattern[str]
    short_answer: re.Pattern[str]
    mental: re.Pattern[str]
    yes_no_start: re.Pattern[str]
    # A tag that ends a spoken check of what the peer understood when the recogniser wrote no
    # "?" ("..., klopt dat", "... is that right"): the sentence is then read as a question.
    question_tag: re.Pattern[str]
    exclamation: re.Pattern[str]
    statement_start: re.Pattern[str]
    perception: re.Pattern[str]
    # Who or what a clip shows (the teacher, pupils, the room): without any of these, a
    # message with no cue at all is more likely chat than an observation.
    clip_subject: re.Pattern[str]
    lead_in: re.Pattern[str]
