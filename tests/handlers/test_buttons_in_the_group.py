"""The cycle's buttons in the group, in process: a button of an earlier phase or step is
refused kindly and does nothing; a press is always answered."""
from __future__ import annotations

from fake_telegram.scenes import has_button
from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import (
    QUESTION,
    announced,
    click,
    clip_watched,
    latest,
    press_on,
    stage,
    to_the_talk,
    view_of,
)
from tests.handlers.updates import ANNA, BRAM, CATO, GROUP, command, video


async def test_the_goal_prompt_s_button_pressed_after_a_typed_next_skips_no_step(
        bot: InProcessBot) -> None:
    """Bram typed /next in Doel while Anna pressed the Doel prompt's button: the group gets
    step 1 ("what do you see and hear"), not step 2 straight after it."""
    goal_prompt = await to_the_talk(bot)
    pressed, query_id = await click(bot, ANNA, goal_prompt, "next")
    await bot.handle(command(bot.app.bot, BRAM, "/next"))  # comes in first
    since = await bot.tg.mark()
    await bot.handle(pressed)
    answer = await bot.tg.callback_answer(query_id)
    assert answer is not None and "eerdere fase of stap" in answer["text"]
    assert await bot.said(since=since) == []  # no "Stap 2 van 3"
    assert await stage(bot) == ("reality", "see")
    assert not (await view_of(bot, goal_prompt["message_id"]))["reply_markup"]


async def test_moving_on_takes_the_previous_prompt_s_buttons_away(bot: InProcessBot) -> None:
    """A typed /next leaves no live "Volgende fase" or "Open voor tips" on the prompt before,
    whoever moves on."""
    goal_prompt = await to_the_talk(bot)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, BRAM, "/next"))
    step_one = await latest(bot, "next", since)
    assert "Stap 1 van 3" in step_one["text"]
    assert not (await view_of(bot, goal_prompt["message_id"]))["reply_markup"]
    await bot.handle(command(bot.app.bot, ANNA, "/next"))
    assert not (await view_of(bot, step_one["message_id"]))["reply_markup"]
    assert (await latest(bot, "next"))["text"].startswith("Stap 2 van 3")


EARLIER = "Ik wacht vijf tellen na een vraag, zodat meer leerlingen nadenken."


async def test_did_you_try_it_is_asked_before_the_goal_and_answered_on_every_copy(
        bot: InProcessBot) -> None:
    """Bram's second cycle: the question from the announcement, still open when the talk
    opens, comes again before the Doel prompt (not after it); his answer on that copy shows
    on both, and neither keeps a button."""
    announcement = await announced(bot, earlier_commitment=EARLIER)
    assert has_button("tried")(announcement)
    since = await bot.tg.mark()
    goal_prompt = await clip_watched(bot)
    asked = await latest(bot, "tried", since)
    assert "Laat de clip die je inbrengt zien wat je hebt geprobeerd?" in asked["text"]
    assert asked["message_id"] < goal_prompt["message_id"]  # before the goal, not after
    await press_on(bot, BRAM, asked, "tried", "partly")
    for copy in (announcement, asked):
        now = await view_of(bot, copy["message_id"])
        assert now["text"].endswith("✅ Bram: Deels")
        assert not has_button("tried")(now)
    assert await bot.db_one("SELECT json_extract(data, '$.tried') FROM cycles "
                            "WHERE phase = 'goal'") == ("partly",)


async def test_the_announcement_s_buttons_go_with_the_clip_and_all_go_when_the_cycle_stops(
        bot: InProcessBot) -> None:
    """Once Bram's clip is in, "Beurt doorgeven" can no longer be pressed on the
    announcement; once the cycle stops, no button of it is left (not the consent's)."""
    announcement = await announced(bot)
    since = await bot.tg.mark()
    await bot.handle(video(bot.app.bot, BRAM, QUESTION))
    assert not (await view_of(bot, announcement["message_id"]))["reply_markup"]
    consent = await latest(bot, "consent", since)
    await bot.handle(command(bot.app.bot, ANNA, "/cancel"))
    assert not (await view_of(bot, consent["message_id"]))["reply_markup"]
    assert not [v for v in await bot.tg.bot_messages(GROUP) if v["reply_markup"]
                and any(b["callback_data"].startswith("cy:") for row in
                        v["reply_markup"]["inline_keyboard"] for b in row)]


async def test_open_for_tips_pressed_ten_times_edits_the_prompt_once(bot: InProcessBot) -> None:
    """Bram presses "Open voor tips" ten times before his app shows it gone: the floor opens
    once, and the prompt loses that button in one edit, not ten (each edit takes a place in
    the group's 20 messages a minute, ahead of whatever the bot says next)."""
    goal_prompt = await to_the_talk(bot)
    presses = [await click(bot, BRAM, goal_prompt, "tips") for _ in range(10)]
    since = await bot.tg.mark()
    for pressed, _ in presses:
        await bot.handle(pressed)
    edits = [c for c in await bot.tg.calls(since=since) if c["method"].startswith("edit")
             and c["params"].get("message_id") == str(goal_prompt["message_id"])]
    assert len(edits) == 1, edits
    assert sum("open voor tips" in text for text in await bot.said(since=since)) == 1
    assert has_button("next")(await view_of(bot, goal_prompt["message_id"]))


async def test_a_next_typed_twice_before_the_step_shows_moves_on_once(bot: InProcessBot) -> None:
    """Bram types /next, sees nothing yet (Telegram makes the bot wait), types it again: the
    second one moves the cycle on once more, past a step nobody has seen (in a played run,
    five quick /next after the commitment skipped the whole look back). It should be told
    the step is on its way (bot/handlers/cycle.next_command)."""
    await to_the_talk(bot)
    await bot.tg.arm_429("sendMessage", times=1, retry_after=1)  # the step waits a moment
    since = await bot.tg.mark()
    for _ in range(2):
        await bot.app.process_update(command(bot.app.bot, BRAM, "/next"))
    await bot.handle(command(bot.app.bot, ANNA, "/status"))  # and let everything go out
    assert await stage(bot) == ("reality", "see")
    said = await bot.said(since=since)
    assert sum("Stap 1 van 3" in text for text in said) == 1, said
    assert not any("Stap 2 van 3" in text for text in said), said
    assert any("De volgende stap is al onderweg" in text for text in said), said


async def test_bringing_in_accepted_leaves_passing_the_turn_on_until_the_clip(
        bot: InProcessBot) -> None:
    """Bram presses "Ik breng in": that button goes, "Beurt doorgeven" stays (he may still
    find he has no clip after all)."""
    announcement = await announced(bot)
    await press_on(bot, BRAM, announcement, "accept")
    shown = await view_of(bot, announcement["message_id"])
    assert has_button("swap")(shown) and not has_button("accept")(shown)


async def test_an_admin_can_stop_someone_elses_cycle_with_its_button(bot: InProcessBot) -> None:
    """The stop button under "no clip at the meeting" is for Bram or an admin: Cato's press
    does nothing, Anna's (an admin) stops the cycle."""
    await announced(bot)
    cycle = await bot.db_one("SELECT id FROM cycles ORDER BY id DESC LIMIT 1")
    assert cycle is not None
    await bot.press(CATO, f"cy:{cycle[0]}:cancel")
    assert (await stage(bot))[0] == "announced"
    await bot.press(ANNA, f"cy:{cycle[0]}:cancel")
    assert (await stage(bot))[0] == "cancelled"


async def test_tips_typed_after_the_button_keeps_the_floor_open_until_tips_uit(
        bot: InProcessBot) -> None:
    """The nudging review: Bram pressed "Open voor tips", then typed /tips to be sure, and the
    floor closed again. Now the typed /tips says it is open and how to close; /tips uit closes."""
    goal_prompt = await to_the_talk(bot)
    pressed, _ = await click(bot, BRAM, goal_prompt, "tips")
    await bot.handle(pressed)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, BRAM, "/tips"))
    [still_open] = await bot.said(since=since)
    assert "staat al open voor tips" in still_open and "/tips uit" in still_open
    status_since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, CATO, "/status"))
    assert any("staat open voor tips" in t for t in await bot.said(since=status_since))
    closing_since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, BRAM, "/tips uit"))
    assert any("weer vooral vragen" in t for t in await bot.said(since=closing_since))


async def test_tips_uit_typed_when_they_are_closed_is_answered(bot: InProcessBot) -> None:
    """The second nudging review: a typed /tips uit with the floor already closed got no
    answer (the "already" text was only a button press's popup)."""
    await to_the_talk(bot)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, BRAM, "/tips uit"))
    assert any("al in de wacht" in t for t in await bot.said(since=since))


async def test_a_next_pressed_again_before_the_step_shows_hears_it_is_on_its_way(
        bot: InProcessBot) -> None:
    """The same with the button: pressed again while the next step waits to go out, the
    button is still the newest the group sees, so "this button is old" would be wrong (review
    ux9, F3: at Telegram's pace a prompt can wait behind other messages for most of a minute)."""
    goal_prompt = await to_the_talk(bot)
    await bot.tg.arm_429("sendMessage", times=1, retry_after=1)  # the step waits a moment
    first, _ = await click(bot, BRAM, goal_prompt, "next")
    again, query_id = await click(bot, BRAM, goal_prompt, "next")
    await bot.app.process_update(first)
    await bot.app.process_update(again)
    answer = await bot.tg.callback_answer(query_id)
    await bot.handle(command(bot.app.bot, ANNA, "/status"))  # and let everything go out
    assert answer is not None and answer["text"].startswith(
        "⏳ De volgende stap is al onderweg naar de groep"), answer
    assert not answer.get("show_alert"), answer
    assert await stage(bot) == ("reality", "see")


async def test_two_quick_presses_on_one_message_keep_both_outcome_lines(
        bot: InProcessBot) -> None:
    """The second press carries the message as it was before the first's line: its outcome
    was built on that and took the first line away (left alone in the seventeenth session)."""
    announcement = await announced(bot)
    accept, _ = await click(bot, BRAM, announcement, "accept")
    swap, _ = await click(bot, BRAM, announcement, "swap")  # the same, older, view
    await bot.handle(accept)
    await bot.handle(swap)
    shown = await view_of(bot, announcement["message_id"])
    assert "✅ Bram: Ik breng in" in shown["text"], shown["text"]
    assert shown["text"].count("✅ Bram:") == 2, shown["text"]
