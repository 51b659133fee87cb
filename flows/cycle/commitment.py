"""Will: what the inbrenger will try, and with which goal (SPEC §3).

The inbrenger's message is proposed as the commitment, never taken as it is; a question or a
short "weet ik nog niet" is talk, not a proposal. When the bot reads no goal in a proposal, it
still comes (nothing is lost; it can be confirmed as it is) and asks kindly for the goal: a next
message that is a goal ("zodat ...", or just the goal itself) is joined to the proposal; a next
message that says what will be done ("Ik ga ...") is a new proposal in its place.

    has_goal("Ik wacht vijf tellen, zodat meer leerlingen nadenken.")  # True
    has_goal("Ik ga bij de deur wachten tot iedereen zit.")            # False
"""
from __future__ import annotations

import re
from dataclasses import replace

from flows.catalog import render
from flows.cycle.events import CommitmentEdited, ConfirmCommitment, Contribution, Event
from flows.cycle.model import LOOKBACK, Cycle, CycleContext, Decision
from flows.cycle.phases import button, done
from flows.cycle.talk import respond_to_words, words_language
from flows.effects import Effect, Say, text

# Words that say why, per language ("want" is Dutch for "because", but English "I want to").
# Whole words only, so "doelen" and "leerdoel" are what is done, not why.
_GOAL = {
    "nl": re.compile(
        r"\b(?:zodat|opdat|zo dat|want|met als doel|doel|"
        r"om\b(?:\s+\S+){0,8}?\s+te\s+\w+)\b",  # om ... te <werkwoord>; "om de beurt" is no goal
        re.IGNORECASE),
    "en": re.compile(
        r"\b(?:so that|so as to|in order to|to help|because|goal|aim|"
        r"so (?:the|my|our|they|pupils|students|everyone|more|each|all))\b",
        re.IGNORECASE),
}
# A message that opens with the why is a goal on its own ("Zodat ze sneller beginnen."),
# added to the proposal; one that opens with the what is a new version of the commitment.
_OPENS_WITH_GOAL = re.compile(
    r"^\W*(?:(?:en|and)\s+)?(?:zodat|opdat|zo dat|want|om\b|met als doel|"
    r"(?:mijn |het )?doel|so|in order to|to|because|(?:my |the )?(?:goal|aim))\b",
    re.IGNORECASE)


# A message that opens with what the inbrenger will do is a (new) commitment, also after the
# bot asked for the goal: "Ik ga langer wachten." is no goal for the proposal before it.
_OPENS_WITH_INTENTION = re.compile(
    r"^\W*(?:(?:en|and|dan|then|ok[eé]?|oké|ja|yes|nee|no)[\s,]+)?"
    r"(?:ik\s+(?:ga|wil|zal|probeer|kies|neem|begin|gebruik)|i\s+(?:will|shall|am going to|want"
    r"|plan|try)|i'll|i'm going to|volgende (?:keer|les|week)|next (?:time|lesson|week)"
    r"|vanaf nu|from now on)\b",
    re.IGNORECASE)
# "Weet ik nog niet", "no idea": an answer that holds no commitment yet (in a short message;
# a longer one may hedge before it says what it will try).
_NOT_YET = re.compile(
    r"\b(?:weet (?:ik|het) (?:het |nog |niet )*niet|ik weet (?:het |nog )*niet|geen idee"
    r"|(?:i )?(?:don't|do not) know|not sure|no idea|dunno|haven't decided)\b",
    re.IGNORECASE)
_SHORT = 8  # words


def holds_no_commitment(words: str) -> bool:
    """A question ("Weet ik nog niet?", "Zal ik langer wachten?") or a short "I don't know
    yet": talk in Will, not words to propose as the commitment, unless it opens with what the
    inbrenger will do ("Ik ga langer wachten, goed idee?")."""
    if _OPENS_WITH_INTENTION.match(words):
        return False
    return words.rstrip().endswith("?") or (
        len(words.split()) <= _SHORT and _NOT_YET.search(words) is not None)


def has_goal(words: str, language: str | None = None) -> bool:
    """Does this commitment say with which goal? In `language`, or in either."""
    patterns = [_GOAL[language]] if language in _GOAL else _GOAL.values()
    return any(pattern.search(words) for pattern in patterns)


def is_goal_only(words: str, language: str | None = None) -> bool:
    """A follow-up that is a goal for the proposal, not a new commitment: it opens with the
    why, or it names no why at all and does not open with what will be done (then the words
    themselves are the goal: "een rustige start")."""
    if _OPENS_WITH_GOAL.match(words) is not None:
        return True
    return not _OPENS_WITH_INTENTION.match(words) and not has_goal(words, language)


def with_goal(what: str, goal: str, label: str) -> str:
    """The commitment and its goal as one text, as it goes into the chain and the summaries:
    "…, zodat …" where the goal says why itself, else "… Doel: …"."""
    what, goal = what.strip(), goal.strip()
    if _OPENS_WITH_GOAL.match(goal):
        return f"{what.rstrip(' .!')}, {goal[:1].lower()}{goal[1:]}"
    stop = "" if what.endswith((".", "!", "?")) else "."
    return f"{what}{stop} {label}: {goal}"


# A correction's opening word is no part of what will be tried: "Correctie: ik ga ..." was
# stored as the commitment "Correctie: ik ga ..." (review ux21 #4).
_CORRECTION = re.compile(
    r"^\W*(?:(?:correctie|correction|verbetering)\b[\s:,.!–—-]*"
    r"|(?:actually|eigenlijk|sorry|oeps|oops|wacht|wait)\s*[:,!–—-]\s*)",
    re.IGNORECASE)


def without_correction(words: str) -> str:
    """The words after a leading "Correctie:", "Correction:", "Actually:" (as they were when
    nothing else is left)."""
    words = words.strip()
    rest = _CORRECTION.sub("", words, count=1).strip()
    if not rest or rest == words:
        return words
    return rest[:1].upper() + rest[1:]


def propose_commitment(ctx: CycleContext, event: Event) -> Decision:
    """The inbrenger's message in will is proposed, never taken: "Morgen al, denk ik!" is an
    answer, not a commitment. A confirmed commitment stays until a new one is confirmed."""
    assert isinstance(event, Contribution)
    return propose_words(ctx, event.actor, event.message_id, event.text, event.language)


def propose_words(ctx: CycleContext, actor: int, message_id: int, words: str,
                  language: str | None, *, voice: bool = False) -> Decision:
    """The proposal from the inbrenger's words, typed or (`voice`) a voice note's transcript,
    which is kept as the note's words."""
    words = words.strip()
    proposed = without_correction(words)
    language = words_language(ctx, words, language)
    if holds_no_commitment(proposed):  # the group may help; a proposal waiting stays as it is
        return respond_to_words(ctx, actor, message_id, words, language, nudge=False,
                                voice=voice)
    pending = ctx.cycle.proposed_commitment
    if pending and not _says_why(ctx, pending) and is_goal_only(proposed, language):
        label = render(ctx.settings.language, text("cycle.goal_label"))
        proposal = with_goal(pending, proposed, label)
    else:
        proposal = proposed
    cycle = replace(ctx.cycle, proposed_commitment=proposal, proposal_message_id=message_id)
    stored = respond_to_words(replace(ctx, cycle=cycle), actor, message_id, words, language,
                              nudge=False, voice=voice)
    return replace(stored, effects=stored.effects + _proposal(ctx, cycle, message_id))


def revise_commitment(ctx: CycleContext, event: Event) -> Decision:
    """The message the proposal quotes, edited: its new words are the proposal (rewritten, so
    not joined to the old words as a goal), proposed again under a fresh button. A proposal
    joined from two messages is left as it is: the edited one is only part of it."""
    assert isinstance(event, CommitmentEdited)
    if ctx.cycle.proposed_commitment != event.before.strip():
        return Decision(ctx.cycle)
    cycle = replace(ctx.cycle, proposed_commitment=without_correction(event.text))
    return Decision(cycle, _proposal(ctx, cycle, event.message_id))


def revise_confirmed(ctx: CycleContext, event: Event) -> Decision:
    """The message the confirmed commitment quotes, edited while the cycle is still in will
    (its look back too: the summary is not sent yet): the new version is proposed under the
    confirm button, and confirming it takes the place of the old (review ux21 #4: the edit was
    ignored, the summaries kept the old words). Where the commitment was joined from two
    messages, the edited part is replaced in it."""
    assert isinstance(event, CommitmentEdited)
    confirmed, before = ctx.cycle.commitment or "", event.before.strip()
    new = without_correction(event.text)
    if confirmed in (before, without_correction(before)):
        revised = new
    elif before and before in confirmed:
        revised = confirmed.replace(before, new, 1)
    elif before and _lowered(before) in confirmed:
        revised = confirmed.replace(_lowered(before), _lowered(new), 1)
    else:
        revised = new
    if revised == confirmed:
        return Decision(ctx.cycle)
    cycle = replace(ctx.cycle, proposed_commitment=revised, proposal_message_id=event.message_id)
    return Decision(cycle, _proposal(ctx, cycle, event.message_id,
                                     said="cycle.commitment_reproposed"))


def _lowered(words: str) -> str:
    return words[:1].lower() + words[1:]


def _proposal(ctx: CycleContext, cycle: Cycle, message_id: int, *,
              said: str = "cycle.commitment_proposed") -> tuple[Effect, ...]:
    proposal = cycle.proposed_commitment or ""
    keyboard = ((button(cycle, "cycle.button.confirm_commitment", "commit",
                        str(message_id)),),)
    about_goal = "cycle.commitment_goal_seen" if _says_why(ctx, proposal) \
        else "cycle.commitment_ask_goal"
    return (done(cycle, "commit"),  # an earlier proposal's button: this one takes its place
            Say((text(said, commitment=proposal), text(about_goal)),
                keyboard, reply_to=message_id))


def _says_why(ctx: CycleContext, words: str) -> bool:
    return has_goal(words, words_language(ctx, words, None))


def confirm_commitment(ctx: CycleContext, event: Event) -> Decision:
    assert isinstance(event, ConfirmCommitment)
    cycle = ctx.cycle
    commitment = cycle.proposed_commitment or ""
    cycle = replace(cycle, commitment=commitment, proposed_commitment=None,
                    proposal_message_id=None, commitment_message_id=cycle.proposal_message_id)
    # In the look back (an edit proposed again) /next no longer closes the commitment step.
    said = "cycle.commitment_rerecorded" if cycle.step == LOOKBACK else "cycle.commitment_recorded"
    return Decision(cycle, (Say((text(said, commitment=commitment),)),),
                    ack=text("cycle.ack.commitment"))
