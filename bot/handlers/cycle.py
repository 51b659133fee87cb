"""The cycle in the group: commands, clips, messages and the buttons of the cycle."""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

from telegram import Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.engine.events import decide_in, start_cycle_in, upcoming_meetings
from bot.engine.work import Unit
from bot.handlers import cancelling
from bot.handlers.choose import member_named
from bot.handlers.commands import command
from bot.handlers.common import (
    GroupCommand,
    answer_press,
    explain_anonymous,
    find_group,
    group_command,
    handling,
    is_admin,
    length_of,
    posted_as,
    reply,
    user_language,
)
from bot.handlers.edits import on_edit
from bot.handlers.other_topic import point_to_own_topic
from bot.handlers.pressed import cycle_button_done
from bot.texts.render import render, say
from flows.callbacks import CycleButton, parse, pattern
from flows.cycle.buttons import ACTIONS, ADMIN_MATTERS, STALE, pressed_event
from flows.cycle.events import (
    AskSound,
    Contribution,
    Event,
    MoveLine,
    Next,
    Swap,
    ToggleTips,
    VoiceNote,
)
from flows.cycle.guards import meeting_length
from flows.cycle.leaving import GRACE_MINUTES
from flows.cycle.model import LOOKBACK, Cycle, Decision
from flows.cycle.phases import meeting_in, prompt_marker, timer_name
from flows.cycle.status import between_cycles, status, timebox_timer
from flows.effects import Text, text
from flows.model import Group, Phase, WillStep
from storage import contributions, cycles, groups, late_line_invitations, members, outbox, timers
from storage.db import Tx

log = logging.getLogger(__name__)

# A peer's line that comes too late, or a second one, is answered; anyone else's reply to the
# invitation (the inbrenger's "thanks all", someone who is no member) is just chat.
LATE_LINE_ANSWERED = (text("cycle.refused.closed"), text("cycle.refused.line_given"))


@group_command(admin=True, refusal="bot.only_admins_cycle")
async def cycle_command(cmd: GroupCommand) -> None:
    """/cycle [name]: an admin starts a cycle now, optionally naming the inbrenger."""
    inbrenger_id = None
    if cmd.args:
        inbrenger_id = await member_named(cmd, "cycle", which="cycle.which_inbrenger")
        if inbrenger_id is None:
            return
    started = await start_cycle_in(cmd.unit, cmd.group, actor_id=cmd.user.id,
                                   inbrenger_id=inbrenger_id)
    if isinstance(started, Text):
        await cmd.reply(started)


async def _decided(cmd: GroupCommand, event: Event) -> None:
    """The command's event decided; the sender hears why where it was refused, or what a
    button's press would have shown ("Tips staan al in de wacht") where nothing else is said."""
    decision = await decide_in(cmd.unit, cmd.group, event)
    if decision is None:
        await cmd.reply("cycle.refused.no_cycle")
    elif decision.refusal is not None:
        await cmd.reply(decision.refusal)
    elif decision.ack is not None and not decision.effects:
        await cmd.reply(decision.ack)


@group_command(know_admin=True)
async def next_command(cmd: GroupCommand) -> None:
    """/next moves on, but not while the prompt of the place the cycle just moved to still
    waits to go out: a second /next typed before it showed (Telegram lets the bot post about
    one message a second in a group) would skip a step nobody saw."""
    cycle = await cycles.open_cycle(cmd.unit.tx, cmd.group.id)
    if cycle is not None and await outbox.message_waiting_with(
            cmd.unit.tx, cmd.group.chat_id, prompt_marker(cycle)):
        await cmd.reply("cycle.refused.step_on_its_way")
        return
    await _decided(cmd, Next(cmd.user.id, cmd.admin))


@group_command(know_admin=True)
async def swap_command(cmd: GroupCommand) -> None:
    """/swap [name]: the inbrenger (or an admin) passes the turn on before the meeting, to the
    member named (they agreed to change turns) or else the next in the rotation."""
    to = None
    if cmd.args:
        to = await member_named(cmd, "swap", which="cycle.which_swap")
        if to is None:
            return
    await _decided(cmd, Swap(cmd.user.id, cmd.admin, to=to))


@group_command(know_admin=True)
async def audio_command(cmd: GroupCommand) -> None:
    """/audio: the timeline comes as a reply to it."""
    await _decided(cmd, AskSound(cmd.user.id, cmd.admin, cmd.message.message_id))
@group_command()
async def tips_command(cmd: GroupCommand) -> None:
    """/tips opens the floor for tips, /tips uit closes it (ToggleTips.typed)."""
    await _decided(cmd, ToggleTips.typed(cmd.user.id, cmd.args))


@group_command(rationed=True)
async def status_command(cmd: GroupCommand) -> None:
    tx, group = cmd.unit.tx, cmd.group
    said = await cycle_status(tx, group, cmd.unit.now)
    if said is None:
        everyone = await members.active(tx, group.id)
        said = between_cycles(everyone, await _next_meeting(cmd))
    await cmd.reply(said)
    if not await groups.reads_talk(tx, group.id):  # what it says rests on what the bot sees
        await cmd.reply("bot.privacy_mode", username=cmd.context.bot.username or "")


async def cycle_status(tx: Tx, group: Group, now: datetime) -> Text | None:
    """Where the group's open cycle stands (None: no cycle runs): /status, and the top of
    /help while a cycle runs."""
    cycle = await cycles.open_cycle(tx, group.id)
    if cycle is None:
        return None
    if cycle.away_since is not None:
        return await _waiting_for_inbrenger(tx, cycle, now)
    everyone = await members.active(tx, group.id)
    # In the look back the question is whose line is still awaited, not who spoke at all.
    looking_back = cycle.phase is Phase.WILL and cycle.step == WillStep.LOOKBACK
    spoken = await contributions.speakers(tx, cycle.id, LOOKBACK if looking_back else None)
    timebox = timebox_timer(cycle)
    timer = await timers.get(tx, group.id, timer_name(cycle.id, timebox)) if timebox else None
    meeting = meeting_in(group.settings, cycle.meeting_at) if cycle.meeting_at else None
    upcoming = await upcoming_meetings(tx, group, now, 1)
    over = cycle.meeting_at is not None \
        and cycle.meeting_at + meeting_length(group.settings) <= now
    return status(cycle, everyone, spoken, timer.due_at if timer else None, now, meeting,
                  meeting_in(group.settings, upcoming[0]) if upcoming else None, over)


async def _waiting_for_inbrenger(tx: Tx, cycle: Cycle, now: datetime) -> Text:
    """The talk waits for its inbrenger, who left the chat: for how long yet."""
    assert cycle.away_since is not None
    name = next((m.name for m in await members.former(tx, cycle.group_id)
                 if m.user_id == cycle.inbrenger_id), "?")
    left = cycle.away_since + timedelta(minutes=GRACE_MINUTES) - now
    return text("cycle.status_away", name=name,
                minutes=max(1, int(left.total_seconds() // 60)))


async def _next_meeting(cmd: GroupCommand) -> str | None:
    """The schedule's next meeting that has no cycle yet (one cancelled stays cancelled)."""
    for meeting in await upcoming_meetings(cmd.unit.tx, cmd.group, cmd.unit.now, 3):
        if not await cycles.announced_for(cmd.unit.tx, cmd.group.id, meeting):
            return meeting_in(cmd.group.settings, meeting)
    return None


async def on_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A member's text in the group while a cycle runs (outside a cycle it is just chat), or
    the caption of a photo or file that is no clip (bot/handlers/media_posted.py): words
    with a screenshot count like any others."""
    message, user = update.effective_message, update.effective_user
    words = (message.text or message.caption) if message else None
    if message is None or user is None or not words:
        return
    async with handling(update, context) as unit:
        group = await find_group(unit, update) if unit else None
        if unit is not None and group is None:
            await point_to_own_topic(unit, update, context, words)
        if unit is None or group is None:
            return
        await words_said(unit, update, context, group, words)


def without_mention_of(words: str, username: str) -> str:
    """The words without a leading "@bot": a member who addresses the bot (as privacy mode
    once asked) means the words after it, and a commitment kept the mention (review ux23)."""
    mention = f"@{username}"
    if username and words[:len(mention)].lower() == mention.lower():
        return words[len(mention):].lstrip(" ,:")
    return words


async def words_said(unit: Unit, update: Update, context: ContextTypes.DEFAULT_TYPE,
                     group: Group, words: str, *, under_no_video: bool = False) -> None:
    """A member's words in the group, in the update's unit: as a message, or the caption
    of a file the inbrenger sent for the clip that is no video (`under_no_video`: the flow
    answers that, with the learning question it kept; bot/handlers/media_posted.py)."""
    message, user = update.effective_message, update.effective_user
    assert message is not None and user is not None
    if posted_as(message) is not None:
        if await cycles.open_cycle(unit.tx, group.id) is not None:
            await explain_anonymous(unit, update, context, group.settings.language)
        return
    words = without_mention_of(words, context.bot.username or "")
    if not words:
        return
    replied = message.reply_to_message
    invited_by = await late_line_invitations.cycle_of(
        unit.tx, message.chat_id, replied.message_id) if replied else None
    if invited_by is not None:
        # A reply to the invitation to add a missed look-back line is that line, also
        # when the next cycle is open already (and a reply to any other message is not).
        late = MoveLine(user.id, message.message_id, words)
        decision = await decide_in(unit, group, late, cycle_id=invited_by)
        if decision is not None and decision.refusal in LATE_LINE_ANSWERED:
            await reply(unit, update, group.settings.language, decision.refusal)
        return
    event = Contribution(user.id, message.message_id, words,
                         reply_to=replied.message_id if replied else None,
                         under_no_video=under_no_video,
                         shared=message.forward_origin is not None)
    decision = await decide_in(unit, group, event)
    if decision is not None and decision.refusal is not None:
        await reply(unit, update, group.settings.language, decision.refusal)


async def on_voice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A voice note in the group: spoken, so a contribution (transcribed where this machine
    can, then classified and nudged like text)."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or message.voice is None:
        return
    note = VoiceNote(user.id, message.message_id, message.voice.file_id,
                     length_of(message.voice.duration))
    await spoken(update, context, note)


async def spoken(update: Update, context: ContextTypes.DEFAULT_TYPE, note: VoiceNote) -> None:
    """A voice note, or a round video note that is no clip (bot/handlers/media_posted.py)."""
    async with handling(update, context) as unit:
        group = await find_group(unit, update) if unit else None
        if unit is None or group is None:
            return
        if posted_as(update.effective_message) is not None:
            await explain_anonymous(unit, update, context, group.settings.language)
            return
        decision = await decide_in(unit, group, note)
        if decision is not None and decision.refusal is not None:
            await reply(unit, update, group.settings.language, decision.refusal)


async def on_cycle_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every press is answered: a stale or forged button kindly and without effect."""
    query, chat = update.callback_query, update.effective_chat
    if query is None or chat is None:
        return
    button = parse(query.data)
    stale = say(user_language(query.from_user), "cycle.refused.stale")
    if not isinstance(button, CycleButton) or button.action not in ACTIONS:
        await answer_press(query, stale, show_alert=True)
        return
    admin = button.action in ADMIN_MATTERS and await is_admin(context, chat.id,
                                                                query.from_user.id)
    event = pressed_event(button.action, query.from_user.id, admin, button.argument)
    async with handling(update, context) as unit:
        # The button's cycle says which group it acts on: a check-in or a proposal can be
        # answered in the private chat, where the chat names no group.
        cycle = await cycles.get(unit.tx, button.cycle_id) if unit else None
        group = await groups.get(unit.tx, cycle.group_id) if unit and cycle else None
        decision = await decide_in(unit, group, event, cycle_id=button.cycle_id) \
            if unit and group else None
        if unit and group and decision is not None and (
                decision.refusal is None or decision.refusal.key in STALE):
            await cycle_button_done(unit, query, button.action,  # done: no longer clickable
                                    group.settings.language)
        on_its_way = unit is not None and group is not None and decision is not None \
            and await _next_on_its_way(unit, group, decision)
    if decision is None or group is None:
        await answer_press(query, stale, show_alert=True)
        return
    if on_its_way:
        await answer_press(query, say(group.settings.language,
                                      "cycle.refused.step_on_its_way_button"))
        return
    answer = decision.refusal or decision.ack
    await answer_press(query, render(group.settings.language, answer) if answer else None,
                       show_alert=decision.refusal is not None)


async def _next_on_its_way(unit: Unit, group: Group, decision: Decision) -> bool:
    """An earlier step's "next" pressed while the prompt of the step the cycle moved to still
    waits to go out (Telegram lets the bot post about 20 messages a minute in a group): that
    button is the newest the group sees, so the press hears that the next step is coming, not
    that the button is old (review ux9, F3)."""
    return decision.refusal is not None and decision.refusal.key == "cycle.refused.stale_next" \
        and await outbox.message_waiting_with(unit.tx, group.chat_id,
                                              prompt_marker(decision.cycle))


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    groups_only = filters.ChatType.GROUPS
    return [
        command("cycle", cycle_command, groups_only),
        command("next", next_command, groups_only),
        command("swap", swap_command, groups_only),
        command("tips", tips_command, groups_only),
        *cancelling.build_handlers(),
        command("status", status_command, groups_only),
        command("audio", audio_command, groups_only),
        MessageHandler(groups_only & filters.UpdateType.MESSAGE & filters.VOICE, on_voice),
        MessageHandler(groups_only & filters.UpdateType.EDITED_MESSAGE
                       & (filters.TEXT | filters.CAPTION), on_edit),
        MessageHandler(groups_only & filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND,
                       on_message),
        CallbackQueryHandler(on_cycle_button, pattern=pattern(CycleButton)),
    ]
