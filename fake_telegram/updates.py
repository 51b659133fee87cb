"""The bot's update queue with Telegram's getUpdates semantics.

- An update stays until a later getUpdates call confirms it with `offset > update_id`.
- A long poll returns as soon as an update is available, or empty after `timeout` seconds.
- A new getUpdates call ends an older pending one with 409 Conflict, as Telegram does when two
  bot instances poll; this is also what lets a restarted bot take over from a killed one.
- `allowed_updates` is remembered and applied when updates are created, not when delivered.
"""

from __future__ import annotations

import asyncio
import copy
from typing import Any

from .errors import ApiError

# What Telegram sends when allowed_updates was never set (or set to an empty list).
DEFAULT_ALLOWED = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "inline_query",
        "chosen_inline_result",
        "callback_query",
        "shipping_query",
        "pre_checkout_query",
        "poll",
        "poll_answer",
        "my_chat_member",
        "chat_join_request",
        "chat_boost",
        "removed_chat_boost",
        "business_connection",
        "business_message",
        "edited_business_message",
        "deleted_business_messages",
        "purchased_paid_media",
    }
)
CONFLICT = ApiError(
    409,
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running",
)


class UpdateQueue:
    def __init__(self, first_update_id: int = 100_000) -> None:
        self._next_id = first_update_id
        self._pending: list[dict[str, Any]] = []
        self._redeliver: list[dict[str, Any]] = []
        self._last_confirmed: dict[str, Any] | None = None
        self._changed = asyncio.Event()
        self._generation = 0
        self._closed = False
        self.allowed: frozenset[str] = DEFAULT_ALLOWED
        self.poll_count = 0
        self.waiting = False  # a long poll is parked: the bot has taken everything

    def allows(self, kind: str) -> bool:
        return kind in self.allowed

    def push(self, kind: str, payload: dict[str, Any]) -> int | None:
        """Queues an update; returns its id, or None when allowed_updates filters it out."""
        if not self.allows(kind):
            return None
        update_id = self._next_id
        self._next_id += 1
        # A snapshot: a later edit must not change an update the bot has not fetched yet.
        self._pending.append({"update_id": update_id, kind: copy.deepcopy(payload)})
        self._notify()
        return update_id

    def pending_count(self) -> int:
        return len(self._pending) + len(self._redeliver)

    def drop_pending(self) -> None:
        self._pending.clear()
        self._redeliver.clear()

    def redeliver_last(self) -> int:
        """Hands the last confirmed update out once more, whatever offset the bot sends.

        Emulates a bot that crashed after handling an update but before confirming it; PTB
        confirms early, so this cannot be produced by killing the process at the right moment.
        """
        if self._last_confirmed is None:
            raise LookupError("no confirmed update to redeliver")
        self._redeliver.append(self._last_confirmed)
        self._notify()
        return int(self._last_confirmed["update_id"])

    def close(self) -> None:
        """Releases parked long polls so that the server can shut down at once."""
        self._closed = True
        self._notify()

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    def _confirm(self, offset: int | None) -> None:
        if offset is None or offset == 0:
            return
        if offset < 0:
            # Telegram: keep only the last -offset updates, forget all earlier ones.
            dropped, self._pending = self._pending[:offset], self._pending[offset:]
        else:
            dropped = [u for u in self._pending if u["update_id"] < offset]
            self._pending = [u for u in self._pending if u["update_id"] >= offset]
        if dropped:
            self._last_confirmed = dropped[-1]

    async def poll(
        self,
        offset: int | None,
        limit: int,
        timeout: float,
        allowed_updates: list[str] | None,
    ) -> list[dict[str, Any]]:
        self.poll_count += 1
        self._generation += 1
        generation = self._generation
        self._notify()  # an older parked poll wakes up and answers 409
        if allowed_updates is not None:
            self.allowed = frozenset(allowed_updates) or DEFAULT_ALLOWED
        self._confirm(offset)
        limit = min(max(limit, 1), 100)
        deadline = asyncio.get_running_loop().time() + max(timeout, 0)
        while True:
            if generation != self._generation:
                raise CONFLICT
            batch = self._take(limit)
            if batch or self._closed:
                return batch
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                return []
            event = self._changed
            self.waiting = True
            try:
                await asyncio.wait_for(event.wait(), remaining)
            except TimeoutError:
                pass
            finally:
                if generation == self._generation:
                    self.waiting = False

    def _take(self, limit: int) -> list[dict[str, Any]]:
        forced, self._redeliver = self._redeliver[:limit], self._redeliver[limit:]
        return forced + self._pending[: limit - len(forced)]
