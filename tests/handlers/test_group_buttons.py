"""Buttons whose data names their group (a setting, a rhythm to save, a person to choose)
share one preamble (bot/handlers/group_button.py): a press from a member who is no admin is
refused kindly, and a button that is forged, copied into another group or left from a group
that is gone is "out of date"; either way nothing changes."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest

from flows.callbacks import PersonButton, ScheduleButton, SettingButton
from flows.schedule.compact import compact
from flows.schedule.plan import Schedule, parse_schedule
from tests.handlers.in_process import InProcessBot, set_up
from tests.handlers.updates import ANNA, BRAM, CATO, STRANGER, command

OTHER_GROUP = -1001000000077


async def _group_id(bot: InProcessBot) -> int:
    await set_up(bot, BRAM, CATO)
    row = await bot.db_one("SELECT id FROM groups")
    assert row is not None
    return int(row[0])


async def _nothing_changed(bot: InProcessBot) -> None:
    row = await bot.db_one("SELECT settings, schedule FROM groups")
    assert row is not None and '"strict"' not in row[0] and row[1] is None
    assert await bot.db_one("SELECT id FROM cycles") is None


def _buttons(group_id: int) -> list[str]:
    weekly = parse_schedule("di 15:00 wekelijks", datetime(2027, 3, 1, tzinfo=UTC),
                            "Europe/Amsterdam")
    assert isinstance(weekly, Schedule)
    return [SettingButton(group_id, "s", "nudging", "strict").pack(),
            ScheduleButton(group_id, "yes", compact(weekly)).pack(),
            PersonButton(group_id, "cycle", CATO.user_id).pack()]


@pytest.mark.parametrize("kind", [0, 1, 2], ids=["setting", "schedule", "person"])
async def test_a_member_who_is_no_admin_is_refused_and_nothing_changes(
        bot: InProcessBot, kind: int) -> None:
    group_id = await _group_id(bot)
    answer = await bot.press(BRAM, _buttons(group_id)[kind])
    assert answer is not None and answer["show_alert"]
    assert "beheerder" in answer["text"]
    await _nothing_changed(bot)


@pytest.mark.parametrize("kind", [0, 1, 2], ids=["setting", "schedule", "person"])
async def test_a_button_pressed_in_another_group_is_out_of_date(
        bot: InProcessBot, kind: int) -> None:
    group_id = await _group_id(bot)
    await bot.tg.add_group(OTHER_GROUP, "Andere groep", supergroup=True,
                           admins=[STRANGER.user_id, ANNA.user_id])
    answer = await bot.press(ANNA, _buttons(group_id)[kind], chat_id=OTHER_GROUP)
    assert answer is not None and answer["show_alert"]
    assert "werkt niet meer" in answer["text"]
    await _nothing_changed(bot)


@pytest.mark.parametrize("kind", [0, 1, 2], ids=["setting", "schedule", "person"])
async def test_a_button_of_a_group_that_is_gone_is_out_of_date(
        bot: InProcessBot, kind: int) -> None:
    group_id = await _group_id(bot)
    answer = await bot.press(ANNA, _buttons(group_id + 1)[kind])
    assert answer is not None and answer["show_alert"]
    await _nothing_changed(bot)


async def test_the_settings_buttons_are_shown_to_admins_only(bot: InProcessBot) -> None:
    await _group_id(bot)
    for person, with_buttons in ((BRAM, False), (ANNA, True)):
        since = await bot.tg.mark()
        await bot.handle(command(bot.app.bot, person, "/settings"))
        [overview] = await bot.tg.bot_messages(since=since)
        assert bool(overview["message"].get("reply_markup")) == with_buttons, person


async def test_the_value_already_chosen_is_said_to_be_so_and_nothing_is_saved(
        bot: InProcessBot) -> None:
    group_id = await _group_id(bot)
    before = await bot.db_one("SELECT settings FROM groups")
    answer = await bot.press(ANNA, SettingButton(group_id, "s", "nudging", "gentle").pack())
    assert answer is not None and answer["text"] == "Dat was al zo ingesteld.", answer
    assert await bot.db_one("SELECT settings FROM groups") == before
