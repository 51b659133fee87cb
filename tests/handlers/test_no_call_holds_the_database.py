"""No call to Telegram while a transaction is open: one connection serves every group, so an
answer Telegram is slow to take (up to the 30 s the bot waits) would stop every group's work
for that long (review ux9, F1: a refused still press, a foreign /forget button). Watched on
the bot's own request object, for presses on every kind of refusal."""
from __future__ import annotations

from typing import Any

import pytest

from bot.engine.services import services_of
from flows.callbacks import ForgetButton, StillButton
from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import to_the_talk
from tests.handlers.updates import ANNA, BRAM, CATO, GROUP, Person

FRANK = Person(7, "Frank")


@pytest.fixture
def calls_in_a_transaction(bot: InProcessBot, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The Bot API methods called while the database was held."""
    held: list[str] = []
    request = bot.app.bot.request
    original = request.do_request

    async def watched(url: str, *args: Any, **kwargs: Any) -> Any:
        if services_of(bot.app).db.held_here:
            held.append(url.rsplit("/", 1)[-1])
        return await original(url, *args, **kwargs)

    monkeypatch.setattr(request, "do_request", watched)
    return held


@pytest.mark.bot_env(INTERVISION_GROUP_MESSAGES_PER_MINUTE="1000")  # the stills, at once
async def test_refused_presses_are_answered_outside_the_transaction(
        bot: InProcessBot, calls_in_a_transaction: list[str]) -> None:
    await to_the_talk(bot)
    [(cycle_id,)] = await bot.db_all("SELECT id FROM cycles")
    still = StillButton(cycle_id, 2).pack()
    await bot.tg.add_user(FRANK.user_id, FRANK.first_name)
    await bot.tg.add_member(GROUP, FRANK.user_id)
    assert (await bot.press(FRANK, still) or {}).get("show_alert")  # not a member
    for _ in range(4):  # the fourth is over the media allowance
        await bot.press(CATO, still)
    assert (await bot.press(CATO, StillButton(cycle_id + 7, 2).pack()) or {}).get("show_alert")
    await bot.tg.start_private_chat(BRAM.user_id)
    forget = ForgetButton("yes", ANNA.user_id, 0).pack()  # another's, and old
    assert (await bot.press(BRAM, forget, chat_id=BRAM.user_id) or {}).get("show_alert")
    assert calls_in_a_transaction == []
