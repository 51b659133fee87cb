"""The control side's own promises (docs/fake-telegram.md): views oldest first, filters, armed
answers worded like Telegram's, the world's state, and the scene helpers' button lookup."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from fake_telegram import ControlError, FakeTelegramServer
from fake_telegram.scenes import button_data, grown
from tests.fake_telegram.windows import fill_private_window

if TYPE_CHECKING:
    from telegram import Bot

    from tests.fake_telegram.conftest import Cast, Clock


async def test_views_come_in_the_order_they_were_sent_edits_included(
    bot: Bot, cast: Cast
) -> None:
    first = await bot.send_message(cast.anna, "een")
    await bot.send_message(cast.anna, "twee")
    await first.edit_text("een, verbeterd")
    assert [v["text"] for v in await cast.tg.messages(cast.anna)][-2:] == [
        "een, verbeterd", "twee"]


async def test_views_of_people_only(bot: Bot, cast: Cast) -> None:
    await bot.send_message(cast.anna, "van de bot")
    said = await cast.tg.messages(cast.anna, from_bot=False)
    assert said and all(not v["from_bot"] for v in said)


async def test_an_armed_429_is_worded_like_telegrams(cast: Cast, api: httpx.AsyncClient) -> None:
    await cast.tg.arm_429("sendMessage", retry_after=4)
    answer = await api.post("sendMessage", json={"chat_id": cast.anna, "text": "x"})
    assert answer.json() == {"ok": False, "error_code": 429,
                             "description": "Too Many Requests: retry after 4",
                             "parameters": {"retry_after": 4}}


async def test_a_slow_answer_is_armed_for_each_time(
    cast: Cast, server: FakeTelegramServer
) -> None:
    await cast.tg.arm_slow_answer("getMe", 0.25, times=3)
    assert server.world.slow_answers == {"getme": [0.25, 0.25, 0.25]}


async def test_the_state_lists_people_not_the_bot(cast: Cast) -> None:
    state = await cast.tg.state()
    assert sorted(u["id"] for u in state["users"]) == [cast.anna, cast.bram, cast.cato]
    with pytest.raises(ControlError, match="unknown bot status"):
        await cast.tg.set_bot_status(cast.group, "creator")


def test_a_cycle_button_is_found_by_action_and_argument() -> None:
    view = {"text": "Wie?", "reply_markup": {"inline_keyboard": [[
        {"text": "a", "callback_data": "cy:7:pick:12"},
        {"text": "b", "callback_data": "cy:7:pick:13:12"},
    ]]}}
    assert button_data(view, "pick", "12") == "cy:7:pick:12"
    assert button_data(view, "pick") == "cy:7:pick:12"
    with pytest.raises(AssertionError, match="no pick button"):
        button_data(view, "pick", "7")


def test_a_grown_clip_is_the_clip_plus_whole_mebibytes(clip: Path, tmp_path: Path) -> None:
    copy = tmp_path / "les.mp4"
    copy.write_bytes(clip.read_bytes())
    big = grown(copy, 2)
    assert big.stat().st_size == copy.stat().st_size + 2 * 1024 * 1024
    assert big.read_bytes().startswith(copy.read_bytes())


async def test_waiting_for_a_bot_that_does_not_poll_gives_up(cast: Cast) -> None:
    await cast.tg.reset()  # nothing pending, and nobody is long-polling
    with pytest.raises(AssertionError, match="did not take its updates"):
        await cast.tg.wait_until_updates_taken(timeout=0.2)


async def test_switching_limits_on_starts_the_windows_afresh(
    cast: Cast, api: httpx.AsyncClient, clock: Clock
) -> None:
    await cast.tg.set_limits(True)
    await fill_private_window(api, cast.anna)
    await cast.tg.set_limits(True)
    assert (await api.post("sendMessage", json={"chat_id": cast.anna, "text": "10"})).is_success


async def test_new_fault_settings_keep_the_hold_and_restart_the_counts(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await cast.tg.set_faults(1.0, ["500"], hold=3.0)
    await api.post("getMe")
    await cast.tg.set_faults(1.0, ["502"])
    faults = (await cast.tg.limit_stats())["faults"]
    assert faults["hold"] == 3.0 and faults["total"] == 0 and faults["by_kind"] == {}
