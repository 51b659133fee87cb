"""Words in a forum topic that holds no group (or General), from a member whose group is
talking in its own topic: they would count there, and here they are read by nobody who
follows the talk. Said once per member per cycle, kindly (review ux21: a member's question
in the wrong topic was lost without a word, where a clip or a command there is pointed on)."""
from __future__ import annotations

import time

from telegram import Update
from telegram.ext import ContextTypes

from bot.engine.services import services
from bot.engine.work import Unit
from bot.handlers.common import reply
from flows.model import TALK_PHASES
from storage import cycles, groups, members

# Once per member and cycle; a cycle's talk is over within a day (kept in memory: a restart
# means one more pointer at most).
ONCE_A_CYCLE = 24 * 3600.0
# A word or two ("ok", "haha") is chat in any topic, no contribution that went astray.
FEWEST_WORDS = 4


async def point_to_own_topic(unit: Unit, update: Update,
                             context: ContextTypes.DEFAULT_TYPE, words: str) -> None:
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or len(words.split()) < FEWEST_WORDS:
        return
    for group in await groups.in_chat(unit.tx, message.chat_id):
        cycle = await cycles.open_cycle(unit.tx, group.id)
        if cycle is None or cycle.phase not in TALK_PHASES \
                or await members.get(unit.tx, group.id, user.id) is None:
            continue
        if services(context).throttle.allow(("other_topic", cycle.id, user.id), ONCE_A_CYCLE,
                                            time.monotonic()):
            await reply(unit, update, group.settings.language, "cycle.talk_in_another_topic",
                        name=user.first_name, group=group.title)
        return
