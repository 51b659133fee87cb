"""The cycle's buttons as the practice reads them (flows/cycle/phases.py makes them; the flow
decides their presses): which event a press is, whose press needs an admin's say, and what a
press that was not refused finishes on its message. bot/handlers/cycle.py and
bot/handlers/pressed.py carry this out; a new cycle button is added here and in phases.py."""
from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from flows.cycle.events import (
    Absent,
    Accept,
    AskSound,
    Cancel,
    CheckinAnswer,
    ConfirmCommitment,
    Consent,
    Event,
    LookBackChoice,
    NewQuestionChosen,
    Next,
    Swap,
    ToggleTips,
    TriedAnswer,
    Wait,
    Watched,
)


def _number(argument: str, otherwise: int) -> int:
    return int(argument) if argument.isdecimal() else otherwise


# action -> the event of a press by `user_id` (with whether they are an admin) and its argument
_EVENTS: dict[str, Callable[[int, bool, str], Event]] = {
    "accept": lambda uid, admin, arg: Accept(uid),
    "swap": lambda uid, admin, arg: Swap(uid, admin),
    "consent": lambda uid, admin, arg: Consent(uid),
    "watched": lambda uid, admin, arg: Watched(uid),
    "absent": lambda uid, admin, arg: Absent(uid),
    "next": lambda uid, admin, arg: Next(uid, admin, at=arg),
    "tips": lambda uid, admin, arg: ToggleTips(uid, to=arg),
    "cancel": lambda uid, admin, arg: Cancel(uid, admin),
    "look": lambda uid, admin, arg: LookBackChoice(uid, _number(arg, -1)),
    "wait": lambda uid, admin, arg: Wait(uid),
    "commit": lambda uid, admin, arg: ConfirmCommitment(uid, _number(arg, 0)),
    "question": lambda uid, admin, arg: NewQuestionChosen(uid, _number(arg, 0)),
    "checkin": lambda uid, admin, arg: CheckinAnswer(uid, arg),
    "tried": lambda uid, admin, arg: TriedAnswer(uid, arg),
    "audio": lambda uid, admin, arg: AskSound(uid, admin),
}
# Presses an admin may make for the inbrenger (Telegram is asked only for these).
ADMIN_MATTERS = frozenset({"swap", "next", "cancel", "audio"})
# Refusals of a button that belongs to an earlier step: it loses its keyboard like a done one.
STALE = frozenset({"cycle.refused.stale", "cycle.refused.stale_next"})


ACTIONS = frozenset(_EVENTS)  # what a cycle button can do; anything else is forged or old


def pressed_event(action: str, user_id: int, is_admin: bool, argument: str) -> Event:
    """The event a press of a cycle button is (`action` one of ACTIONS)."""
    return _EVENTS[action](user_id, is_admin, argument)


Ends = Literal["all", "pressed", "question"]
# What a press finishes on its message: "all": the question is answered (a swap, the phase
# moved on, the look back chosen, the commitment confirmed, the check-in answered);
# "pressed": only that button (the inbrenger accepted, but a swap stays possible until the
# clip; the floor open for tips, the consent given: "next" and the sound timeline stay
# useful); "question": that button and its alternatives ("tried" is answered, while the
# announcement it shares a message with still offers to bring in or pass the turn on).
# "watched", "absent" and "audio" are pressed by many people or again, so they stay.
PRESS_ENDS: dict[str, Ends] = {
    "accept": "pressed", "swap": "all", "wait": "all", "cancel": "all", "next": "all",
    "look": "all", "commit": "all", "question": "all", "checkin": "all", "tried": "question",
    "tips": "pressed", "consent": "pressed",
}
# Presses the group should be able to read back later (who took the turn or passed it on,
# who gave consent for the clip, whether the new clip shows what they tried): the question
# keeps its words and gains a line saying who chose what. The other presses are followed by
# a message of their own (the next phase, the commitment), or, for the look back's choice,
# said once in the summary (flows/cycle/lookback.py: the peers' lines come first, unswayed).
PRESS_SHOWN = frozenset({"accept", "swap", "consent", "tried"})
