"""/settings while a cycle runs: a changed timebox counts for the phase that runs, durably
(its stored timer), and the group hears so; /status agrees."""
from __future__ import annotations

from datetime import timedelta

from flows.callbacks import SettingButton
from flows.model import Settings
from flows.settings_choice import SETTINGS_VIEW, settings_mark
from storage.clock import from_db
from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import to_the_talk
from tests.handlers.updates import ANNA, command


async def test_a_shorter_goal_set_during_the_goal_counts_now(bot: InProcessBot) -> None:
    await to_the_talk(bot)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/settings doel 3"))
    saved, now = await bot.said(since=since)  # one line, not the whole overview again
    assert saved == "✅ Opgeslagen: doel → 3 min. /settings toont alle instellingen."
    assert now == "⏱ De nieuwe tijd geldt ook nu: de fase doel duurt 3 min, dus nog 2 min."
    row = await bot.db_one("SELECT t.due_at, c.phase_started_at FROM timers t, cycles c "
                           "WHERE t.name = 'cycle:' || c.id || ':phase_reminder'")
    assert row is not None
    due, started = from_db(row[0]), from_db(row[1])
    assert due is not None and started is not None and due == started + timedelta(minutes=3)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/status"))
    assert "nog 2 min in deze fase" in (await bot.said(since=since))[0]


async def test_another_setting_changed_during_the_talk_leaves_the_cycle_alone(
        bot: InProcessBot) -> None:
    """A language or retention change is no timebox: nothing said about the phase, and no
    step in the cycle's history."""
    await to_the_talk(bot)
    moves = "SELECT COUNT(*) FROM cycle_transitions"
    before = await bot.db_one(moves)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/settings bewaren 30"))
    assert await bot.said(since=since) == [
        "✅ Opgeslagen: bewaren → 30 dagen. /settings toont alle instellingen."]
    assert await bot.db_one(moves) == before


async def test_nudges_switched_to_the_group_by_a_button_are_told_to_the_group(
        bot: InProcessBot) -> None:
    """Only the admin saw the press's answer and the overview edited far up the chat, while
    every member's nudges would now be read by the group (the Dutch group review)."""
    await to_the_talk(bot)
    [(group_id,)] = await bot.db_all("SELECT id FROM groups")
    since = await bot.tg.mark()
    answer = await bot.press(ANNA, SettingButton(group_id, SETTINGS_VIEW, "delivery",
                                                 "group").pack())
    assert answer is not None and answer["text"] == "✅ Opgeslagen.", answer
    # (the message pressed on is the test's own, edited into the overview: left out)
    said = [s for s in await bot.said(since=since) if not s.startswith("⚙️ Instellingen")]
    assert said == [("⚙️ Anna veranderde een instelling: bezorging van duwtjes → in de groep."
                     "\n\nVanaf nu komt een duwtje als antwoord in de groep, zichtbaar voor "
                     "iedereen.")], said
    since = await bot.tg.mark()  # the same press again changes nothing, and says nothing
    await bot.press(ANNA, SettingButton(group_id, SETTINGS_VIEW, "delivery", "group").pack())
    assert [s for s in await bot.said(since=since) if s != "Knop"] == []  # not even edited


async def test_a_press_on_an_older_overview_shows_the_settings_of_now_and_changes_nothing(
        bot: InProcessBot) -> None:
    """The admin review: Daan's older /settings message still showed "Nederlands" after Anna
    switched to English; pressing its Nederlands button undid her change unseen."""
    await to_the_talk(bot)
    [(group_id,)] = await bot.db_all("SELECT id FROM groups")
    old = settings_mark(Settings())  # the overview Daan had, before Anna's change
    await bot.press(ANNA, SettingButton(group_id, SETTINGS_VIEW, "delivery", "group",
                                        old).pack())  # Anna, on an overview of then: fine
    answer = await bot.press(ANNA, SettingButton(group_id, SETTINGS_VIEW, "delivery",
                                                 "private", old).pack())
    assert answer is not None and answer["text"].startswith(
        "De instellingen zijn intussen veranderd"), answer
    assert await bot.db_all("SELECT json_extract(settings, '$.nudge_delivery') FROM groups") \
        == [("group",)]
