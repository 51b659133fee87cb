"""A command the bot does not have, typed in a group ("/schedul", "/instellingen"): the one
it most likely meant, so a non-technical admin is not met with silence. Only a near match or a
Dutch name counts: any other command may be meant for another bot in the chat."""
from __future__ import annotations

import difflib

# Dutch words for the commands, as a Dutch admin or member would try them.
DUTCH_NAMES = {
    "instellingen": "settings", "instelling": "settings", "ritme": "schedule",
    "planning": "schedule", "plannen": "schedule", "leden": "roster", "aanmelden": "join",
    "deelnemen": "join", "afmelden": "leave", "uitschrijven": "leave",
    "samenvatting": "summary", "volgende": "next", "verder": "next", "hulp": "help",
    "uitleg": "help", "start": "help", "commandos": "help", "begin": "cycle", "cyclus": "cycle",
    "meedoen": "join",
    "stoppen": "leave", "overslaan": "skip", "ruilen": "swap", "wissen": "forget",
    "vergeet": "forget", "stilstaan": "pause", "terugkijken": "replay", "geluid": "audio",
    "beurt": "swap", "annuleren": "cancel", "coaches": "coach",
}
CLOSE_ENOUGH = 0.75


def meant(typed: str, commands: tuple[str, ...]) -> str | None:
    """The command `typed` (without "/" and "@bot") most likely meant, or None."""
    word = typed.lower()
    if word in DUTCH_NAMES and DUTCH_NAMES[word] in commands:
        return DUTCH_NAMES[word]
    close = difflib.get_close_matches(word, commands, n=1, cutoff=CLOSE_ENOUGH)
    return close[0] if close else None
