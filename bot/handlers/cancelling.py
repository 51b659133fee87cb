"""/cancel. Before the talk (the turn announced, the clip awaited) it stops the cycle at once.
Once the clip is shown it asks first, with a button pair, as /leave does: the talk about a
member's own teaching is not stopped by a slip of the keyboard (review ux14: it stopped at
once, without saying who stopped it). Only the one who asked, or an admin, decides; the stop
message names who stopped it, and the inbrenger keeps their turn (flows/cycle/stopping.py)."""
from __future__ import annotations

from telegram.ext import BaseHandler, CallbackQueryHandler, filters

from bot.engine.effects import buttons
from bot.engine.events import decide_in
from bot.handlers.commands import command
from bot.handlers.common import GroupCommand, display_name, group_command
from bot.handlers.group_button import GroupPress, PressAnswer, group_button
from bot.handlers.pressed import buttons_done, pressed_outcome
from bot.texts.render import render, say
from flows.callbacks import StopButton, pattern
from flows.cycle.events import Cancel
from flows.effects import Button, text
from flows.model import BEFORE_TALK_PHASES
from storage import cycles, members


# Stopping a cycle is an admin's matter (or the inbrenger's), so an anonymous admin may, as
# they may start one with /cycle.
@group_command(know_admin=True, configures=True)
async def cancel_command(cmd: GroupCommand) -> None:
    cycle = await cycles.open_cycle(cmd.unit.tx, cmd.group.id)
    may_stop = cycle is not None and (cmd.admin or cmd.user.id == cycle.inbrenger_id)
    if cycle is None or cycle.phase in BEFORE_TALK_PHASES or not may_stop:
        # Nothing to ask: no cycle, a stop before the talk, or a refusal the flow words.
        decision = await decide_in(cmd.unit, cmd.group, Cancel(cmd.user.id, cmd.admin,
                                                                display_name(cmd.user)))
        if decision is None:
            await cmd.reply("cycle.refused.no_cycle")
        elif decision.refusal is not None:
            await cmd.reply(decision.refusal)
        return
    inbrenger = await members.get(cmd.unit.tx, cmd.group.id, cycle.inbrenger_id)
    choice = tuple((Button(text(f"cycle.button.stop_{answer}"),
                           StopButton(cmd.group.id, answer, cmd.user.id, cycle.id).pack()),)
                   for answer in ("yes", "no"))
    own = cmd.user.id == cycle.inbrenger_id  # "your own clip", not their name to them
    asked = "cycle.stop_confirm_own" if own else "cycle.stop_confirm"
    await cmd.reply_html(say(cmd.language, asked, name=inbrenger.name if inbrenger else "?"),
                         buttons(cmd.language, choice))


@group_button(StopButton, stale="cycle.stop_stale")
async def stop_pressed(press: GroupPress[StopButton]) -> PressAnswer:
    """Only the one who asked (or an admin) decides, and only while the cycle it was asked
    in is open; the question then shows the outcome."""
    group, button, language, unit = press.group, press.button, press.language, press.unit
    if press.presser != button.user_id and not press.admin:
        return PressAnswer(say(language, "cycle.stop_not_yours"), alert=True)
    cycle = await cycles.open_cycle(unit.tx, group.id)
    if cycle is None or cycle.id != button.cycle_id:  # stopped or closed since
        await buttons_done(unit, press.query)
        return PressAnswer(say(language, "cycle.stop_stale"), alert=True)
    if button.answer == "no":
        await buttons_done(unit, press.query,
                           outcome=await pressed_outcome(unit, press.query, language))
        return PressAnswer(say(language, "cycle.stop_kept"))
    decision = await decide_in(unit, group, Cancel(press.presser, press.admin,
                                                   display_name(press.query.from_user)))
    refusal = text("cycle.refused.no_cycle") if decision is None else decision.refusal
    if refusal is not None:
        return PressAnswer(render(language, refusal), alert=True)
    await buttons_done(unit, press.query,
                       outcome=await pressed_outcome(unit, press.query, language))
    return PressAnswer()


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [command("cancel", cancel_command, filters.ChatType.GROUPS),
            CallbackQueryHandler(stop_pressed, pattern=pattern(StopButton))]
