"""The flood limits' and faults' finer points: what is counted, what a refusal names, and how
faults are drawn (tests/fake_telegram/test_fake_limits.py has the main cases)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx
import pytest

from fake_telegram import FakeTelegramControl
from fake_telegram.limits import Faults, FaultSettings, env_flag
from tests.fake_telegram.windows import fill_private_window

if TYPE_CHECKING:
    from tests.fake_telegram.conftest import Cast, Clock


async def test_retry_after_rounds_a_part_of_a_second_up(
    cast: Cast, api: httpx.AsyncClient, clock: Clock
) -> None:
    await cast.tg.set_limits(True)
    await fill_private_window(api, cast.anna)
    clock.now += 0.5  # the window opens again in 9.5 s: a bot waiting 9 s would be refused
    refused = await api.post("sendMessage", json={"chat_id": cast.anna, "text": "10"})
    assert refused.json()["parameters"] == {"retry_after": 10}


async def test_refused_calls_leave_the_whole_bots_window_alone(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await cast.tg.set_limits(True)
    statuses = [
        (await api.post("sendMessage", json={"chat_id": cast.anna, "text": f"a{i}"})).status_code
        for i in range(25)
    ]
    assert statuses == [200] * 10 + [429] * 15
    # 10 went out this second, so 20 more may, whatever the 15 refused tried.
    for i in range(20):
        sent = await api.post("sendMessage", json={"chat_id": cast.group, "text": f"g{i}"})
        assert sent.is_success, (i, sent.json())


async def test_calls_that_send_nothing_are_not_counted(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await cast.tg.set_limits(True)
    await fill_private_window(api, cast.anna)
    for method in ("getChat", "sendChatAction", "getChatMember"):
        answer = await api.post(
            method, json={"chat_id": cast.anna, "user_id": cast.anna, "action": "typing"}
        )
        assert answer.is_success, (method, answer.json())


async def test_edits_count_like_messages(cast: Cast, api: httpx.AsyncClient) -> None:
    await cast.tg.set_limits(True)
    sent = (await api.post("sendMessage", json={"chat_id": cast.anna, "text": "0"})).json()
    statuses = [
        (
            await api.post(
                "editMessageText",
                json={"chat_id": cast.anna, "message_id": sent["result"]["message_id"],
                      "text": f"edit {i}"},
            )
        ).status_code
        for i in range(10)
    ]
    assert statuses == [200] * 9 + [429]


async def test_calls_without_a_chat_count_for_the_whole_bot_only(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await cast.tg.set_limits(True)
    for _ in range(25):  # more than a group's 20, fewer than the bot's 30
        answer = await api.post("sendMessage", json={"text": "nowhere"})
        assert answer.status_code == 400, answer.json()
    assert (await cast.tg.limit_stats())["limits"]["total"] == 0


def test_a_held_fault_outlasts_the_long_poll_too() -> None:
    faults = Faults(FaultSettings(rate=1.0, kinds=("timeout",), hold=12.0))
    fault = faults.draw(long_poll=30.0)
    assert fault is not None and fault.hold == 42.0
    assert fault.error is not None and fault.error.error_code == 504


def test_a_fault_rule_needs_at_least_one_kind() -> None:
    with pytest.raises(ValueError, match="fault kinds"):
        FaultSettings(rate=0.5, kinds=())
    with pytest.raises(ValueError, match="fault kinds"):
        FaultSettings(rate=0.5, kinds=("418",))


def test_a_429_fault_asks_for_one_to_three_seconds() -> None:
    faults = Faults(FaultSettings(rate=1.0, kinds=("429",), seed=11))
    waits = set()
    for _ in range(60):
        fault = faults.draw()
        assert fault is not None and fault.error is not None and fault.error.parameters
        waits.add(fault.error.parameters["retry_after"])
    assert waits == {1, 2, 3}


@pytest.mark.parametrize("value", ["1", "true", "YES", " on "])
def test_switches_read_from_the_environment(value: str) -> None:
    assert env_flag("X", {"X": value})
    assert not env_flag("X", {"X": "0"}) and not env_flag("X", {})


async def _fault_statuses(tg: FakeTelegramControl, api: httpx.AsyncClient) -> list[int]:
    return [(await api.post("getMe")).status_code for _ in range(30)]


async def test_a_reset_starts_the_seeded_faults_over(
    tg: FakeTelegramControl, api: httpx.AsyncClient
) -> None:
    await tg.set_faults(0.5, ["500"], seed=7)
    first = await _fault_statuses(tg, api)
    await tg.reset()  # keeps the fault mode, restarts its sequence
    assert await _fault_statuses(tg, api) == first
    assert 500 in first and 200 in first
