"""Telegram's flood limits (20 a minute per group, 10 per 10 s per private chat, 30 a second in
all) and injected faults: refused or failed calls have no effect and are counted."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from telegram import Bot
from telegram.error import RetryAfter

from fake_telegram import FakeTelegramControl, FakeTelegramServer
from fake_telegram.limits import FaultSettings

if TYPE_CHECKING:
    from tests.fake_telegram.conftest import Cast, Clock


async def _texts(tg: FakeTelegramControl, chat_id: int) -> list[str]:
    return [m["text"] for m in await tg.bot_messages(chat_id)]


async def test_the_21st_group_message_in_a_minute_is_refused_until_the_window_moves(
    cast: Cast, api: httpx.AsyncClient, clock: Clock
) -> None:
    tg = cast.tg
    await tg.set_limits(True)
    for i in range(20):
        clock.now += 2  # 20 messages in 40 s, each within the others' minute
        assert (await api.post("sendMessage", json={"chat_id": cast.group, "text": f"m{i}"})).is_success
    clock.now += 5  # the first went out 43 s ago: 17 s to wait
    refused = await api.post("sendMessage", json={"chat_id": cast.group, "text": "m20"})
    assert refused.status_code == 429
    assert refused.json() == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 17",
        "parameters": {"retry_after": 17},
    }
    assert "m20" not in await _texts(tg, cast.group)
    clock.now += 17
    assert (await api.post("sendMessage", json={"chat_id": cast.group, "text": "m20"})).is_success
    assert (await _texts(tg, cast.group))[-1] == "m20"
    stats = (await tg.limit_stats())["limits"]
    assert stats == {"enabled": True, "by_chat": {str(cast.group): 1}, "total": 1}


async def test_ptb_sees_retry_after_for_a_private_chat_over_ten_in_ten_seconds(
    cast: Cast, bot: Bot, clock: Clock
) -> None:
    await cast.tg.set_limits(True)
    for i in range(10):
        await bot.send_message(cast.anna, f"p{i}")
    with pytest.raises(RetryAfter) as refused:
        await bot.send_message(cast.anna, "p10")
    assert "Retry in 10 seconds" in str(refused.value)  # all ten in the same instant
    await bot.send_message(cast.bram, "another chat has its own window")
    await bot.get_chat_member(cast.group, cast.anna)  # not a sending method: never counted
    clock.now += 10
    await bot.send_message(cast.anna, "p10")
    assert len(await _texts(cast.tg, cast.anna)) == 11


async def test_the_whole_bot_sends_at_most_thirty_a_second(
    tg: FakeTelegramControl, api: httpx.AsyncClient, clock: Clock
) -> None:
    await tg.set_limits(True)
    for user_id in range(1, 5):
        await tg.add_user(user_id, f"U{user_id}")
        await tg.start_private_chat(user_id)
    statuses = []
    for i in range(31):
        reply = await api.post("sendMessage", json={"chat_id": 1 + i % 4, "text": f"g{i}"})
        statuses.append(reply.status_code)
    assert statuses == [200] * 30 + [429]
    clock.now += 1
    assert (await api.post("sendMessage", json={"chat_id": 4, "text": "again"})).is_success


async def test_limits_are_off_by_default(cast: Cast, bot: Bot) -> None:
    for i in range(40):
        await bot.send_message(cast.group, f"m{i}")
    assert len(await _texts(cast.tg, cast.group)) == 40
    assert (await cast.tg.limit_stats())["limits"]["total"] == 0


async def test_the_limits_can_be_switched_on_by_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FAKE_TELEGRAM_LIMITS", "1")
    monkeypatch.setenv("FAKE_TELEGRAM_FAULT_RATE", "0.25")
    monkeypatch.setenv("FAKE_TELEGRAM_FAULT_KINDS", "500,reset")
    server = FakeTelegramServer()
    assert server.world.limits.enabled
    assert server.world.faults.settings == FaultSettings(0.25, ("500", "reset"), None, 12.0)


async def _send_under_fault(
    kind: str, cast: Cast, api: httpx.AsyncClient
) -> httpx.Response | Exception:
    await cast.tg.set_faults(1.0, [kind], seed=1, hold=0.3)
    try:
        return await api.post(
            "sendMessage",
            json={"chat_id": cast.group, "text": "lost"},
            timeout=httpx.Timeout(5.0, read=0.1 if kind == "timeout" else 5.0),
        )
    except httpx.HTTPError as error:
        return error


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("429", 429),
        ("500", 500),
        ("502", 502),
        ("timeout", httpx.ReadTimeout),
        ("reset", httpx.TransportError),
    ],
)
async def test_a_faulted_call_fails_without_effect_and_is_counted(
    kind: str, expected: Any, cast: Cast, api: httpx.AsyncClient
) -> None:
    answer = await _send_under_fault(kind, cast, api)
    if isinstance(expected, int):
        assert isinstance(answer, httpx.Response) and answer.status_code == expected
        body = answer.json()
        assert body["ok"] is False and body["error_code"] == expected
        if kind == "429":
            retry_after = body["parameters"]["retry_after"]
            assert retry_after in (1, 2, 3)  # the fault's wait is drawn from 1-3 s
            assert body["description"] == f"Too Many Requests: retry after {retry_after}"
    else:
        assert isinstance(answer, expected), answer
        await asyncio.sleep(0.4)  # a held call must stay without effect when the hold ends
    assert (await cast.tg.limit_stats())["faults"]["by_kind"] == {kind: 1}
    await cast.tg.set_faults(0)  # counts start anew with every set_faults: read them first
    assert not await _texts(cast.tg, cast.group)


async def test_faults_are_counted_by_kind(cast: Cast, api: httpx.AsyncClient) -> None:
    await cast.tg.set_faults(1.0, ["500", "502", "429"], seed=3)
    for _ in range(12):
        await api.post("sendMessage", json={"chat_id": cast.group, "text": "lost"})
    faults = (await cast.tg.limit_stats())["faults"]
    assert faults["total"] == 12 and sum(faults["by_kind"].values()) == 12
    assert set(faults["by_kind"]) <= {"500", "502", "429"}
    assert not await _texts(cast.tg, cast.group)


async def test_a_faulted_get_updates_confirms_nothing(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    tg = cast.tg
    setup = (await api.post("getUpdates", json={"timeout": 0})).json()["result"]
    await api.post("getUpdates", json={"offset": setup[-1]["update_id"] + 1, "timeout": 0})
    await tg.send_text(cast.bram, cast.group, "eerste")
    first = (await api.post("getUpdates", json={"timeout": 0})).json()["result"]
    await tg.send_text(cast.bram, cast.group, "tweede")
    await tg.set_faults(1.0, ["500"])
    confirm = await api.post("getUpdates", json={"offset": first[-1]["update_id"] + 1})
    assert confirm.status_code == 500
    assert await tg.pending_updates() == 2  # the first one was not confirmed
    await tg.set_faults(0)
    again = (await api.post("getUpdates", json={"timeout": 0})).json()["result"]
    assert [u["message"]["text"] for u in again] == ["eerste", "tweede"]


async def test_an_armed_failure_is_never_replaced_by_a_fault(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await cast.tg.set_faults(1.0, ["500"])
    await cast.tg.arm_error("getMe", error_code=418, description="I'm a teapot")
    assert (await api.post("getMe")).status_code == 418
    assert (await cast.tg.limit_stats())["faults"]["total"] == 0


async def test_rate_zero_changes_nothing(cast: Cast, bot: Bot) -> None:
    await cast.tg.set_faults(0.0, seed=5)
    for i in range(30):
        await bot.send_message(cast.group, f"m{i}")
    assert len(await _texts(cast.tg, cast.group)) == 30
    assert (await cast.tg.limit_stats())["faults"]["total"] == 0


async def _statuses(tg: FakeTelegramControl, api: httpx.AsyncClient, seed: int) -> list[int]:
    await tg.set_faults(0.5, ["429", "500", "502"], seed=seed)
    return [(await api.post("getMe")).status_code for _ in range(40)]


async def test_the_same_seed_gives_the_same_faults(
    tg: FakeTelegramControl, api: httpx.AsyncClient
) -> None:
    first = await _statuses(tg, api, seed=42)
    assert first == await _statuses(tg, api, seed=42)
    assert first != await _statuses(tg, api, seed=43)
    assert 5 < sum(s != 200 for s in first) < 35
