"""A member edits a message in the group, as Telegram lets them, while a cycle runs.

- A contribution of the phase the talk is in follows the edit: its words and reading (a tip
  edited into the question its nudge suggested counts as a question); it is no new
  contribution, so not counted again, but what the edit adds is answered as for a new
  message (a time stamp's still, a nudge: flows/cycle/edits.py), and a public nudge of it
  that the edit answered is edited to say so (review ux21 #5).
- A contribution of an earlier phase stays as it was said: the record of that phase, and
  the coach's counts, are not rewritten later (review ux21 #6).
- The inbrenger's edit of the message (or the clip's caption) their learning question came
  in changes the question until the talk opens; of their commitment, proposes it again
  until the cycle closes, and after that hears that the confirmed version stays.
"""
from __future__ import annotations

import time

from telegram import Update
from telegram.ext import ContextTypes

from bot.engine.events import decide_in
from bot.engine.outgoing import Edit
from bot.engine.services import services
from bot.engine.work import Unit
from bot.handlers.common import find_group, handling, reply
from bot.texts.render import say
from flows.cycle.events import CommitmentEdited, ContributionEdited, LearningQuestion
from flows.cycle.model import LOOKBACK, Cycle
from flows.cycle.talk import label_after_edit
from flows.effects import text
from flows.labels import COMPENSATING
from flows.model import TALK_PHASES, Group, Phase
from storage import contributions, cycles, nudge_messages
from storage.privacy import last_closed_cycle

QUESTION_FIXED_EVERY = 300.0


async def on_edit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.edited_message
    words = (message.text or message.caption) if message else None
    if message is None or not words or message.from_user is None:
        return
    editor, message_id = message.from_user.id, message.message_id
    async with handling(update, context) as unit:
        group = await find_group(unit, update) if unit else None
        if unit is None or group is None:
            return
        cycle = await cycles.open_cycle(unit.tx, group.id)
        stored = await contributions.one(unit.tx, cycle.id, message_id) if cycle else None
        if stored is None and await _closed_commitment(unit, update, context, group, editor,
                                                        message_id):
            return
        if cycle is None:
            return
        if stored is None:  # not a contribution: maybe the learning question's message
            # Once the talk opened the question stays, and who edits it hears so once a
            # while, not at every edit (each was answered).
            if cycle.phase in TALK_PHASES and not services(context).throttle.allow(
                    ("question_fixed", group.id, editor), QUESTION_FIXED_EVERY, time.monotonic()):
                return
            await decide_in(unit, group, LearningQuestion(editor, words, message_id))
            return
        if stored.erased or not _phase_runs(cycle, stored.phase):
            return  # /forget's words stay forgotten; an earlier phase's record stays as said
        label = label_after_edit(stored, words, group.settings.language)
        nudged = await contributions.was_nudged(unit.tx, cycle.id, message_id)
        await contributions.edit_text(unit.tx, cycle.id, message_id, words, label)
        if message_id in (cycle.proposal_message_id, cycle.commitment_message_id):
            # The commitment follows its message's edit (refused quietly otherwise).
            await decide_in(unit, group, CommitmentEdited(editor, message_id, stored.text,
                                                          words))
            return
        if nudged and stored.label in COMPENSATING and label not in COMPENSATING:
            await _nudge_answered(unit, group, cycle, message_id)
        await decide_in(unit, group, ContributionEdited(editor, message_id, stored.text, words,
                                                        nudged))


def _phase_runs(cycle: Cycle, phase: str) -> bool:
    """Is `phase` (as a contribution stores it) still the talk's? Will holds the look back,
    whose lines are stored as such: the commitment can be edited there too."""
    return phase == cycle.phase.value or (cycle.phase is Phase.WILL and phase == LOOKBACK)


async def _nudge_answered(unit: Unit, group: Group, cycle: Cycle, message_id: int) -> None:
    """The member's edit did what the public nudge asked: the nudge, which quotes words no
    longer there, now says so instead (a private one is theirs alone, and stays)."""
    done = say(group.settings.language, "nudge.withdrawn")
    for chat_id, nudge_id in await nudge_messages.answering(unit.tx, cycle.id, message_id):
        await unit.send(Edit(chat_id, nudge_id, done))


async def _closed_commitment(unit: Unit, update: Update, context: ContextTypes.DEFAULT_TYPE,
                             group: Group, editor: int, message_id: int) -> bool:
    """The message of a commitment confirmed in a cycle that closed since: its summaries went
    out with the confirmed words, which stay; the inbrenger hears so, kindly, and where a
    change can still be told (once a while, as each edit comes as an update)."""
    last = await last_closed_cycle(unit.tx, group.id)
    if last is None or not last.commitment or last.inbrenger_id != editor \
            or last.commitment_message_id != message_id:
        return False
    if services(context).throttle.allow(("commitment_stays", group.id, editor),
                                        QUESTION_FIXED_EVERY, time.monotonic()):
        await reply(unit, update, group.settings.language,
                    text("cycle.commitment_stays", commitment=last.commitment))
    return True
