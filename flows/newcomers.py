"""Who is added to a group's chat hears what the group does there and how to take part: Telegram
only shows "X joined", and a newcomer who meets silence does not know the bot is there for them
(the left-alone list of the seventeenth session)."""
from __future__ import annotations

from collections.abc import Sequence

from flows.effects import Text, text


def greeting(names: Sequence[str], topics: Sequence[str] = ()) -> Text:
    """The welcome for the people `names` (one line for all added at once); `topics` are the
    titles of the chat's groups when each lives in a forum topic of its own, where /join must
    be sent in the topic of one's group."""
    joined = ", ".join(names)
    if topics:
        return text("bot.newcomer_topics", names=joined, groups=", ".join(topics))
    return text("bot.newcomer", names=joined)
