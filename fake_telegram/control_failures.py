"""The failure controls of `FakeTelegramControl`: armed errors, Telegram's flood limits and
injected faults (a part of the client of its own, to keep each module short)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class FailureControls:
    async def _post(self, path: str, body: dict[str, Any] | None = None) -> Any:
        raise NotImplementedError

    async def _get(self, path: str, **params: Any) -> Any:
        raise NotImplementedError

    async def arm_429(self, method: str, times: int = 1, retry_after: int = 1) -> None:
        """The next `times` calls of `method` answer 429 with parameters.retry_after."""
        await self._post("arm", {"method": method, "times": times, "retry_after": retry_after})

    async def arm_error(
        self, method: str, *, times: int = 1, error_code: int = 500, description: str | None = None
    ) -> None:
        await self._post(
            "arm",
            {
                "method": method,
                "times": times,
                "error_code": error_code,
                "description": description,
            },
        )

    async def arm_slow_answer(self, method: str, seconds: float, times: int = 1) -> None:
        """The next `times` calls of `method` are carried out, but answered only after
        `seconds`: Telegram busy, or a slow line (a client that gives up first may repeat)."""
        await self._post("slow", {"method": method, "seconds": seconds, "times": times})

    async def set_limits(self, enabled: bool = True) -> None:
        """Telegram's flood limits: 20 sends a minute per group, 10 per 10 s per private chat,
        30 a second in all; a call over them answers 429 and is not carried out."""
        await self._post("limits", {"enabled": enabled})

    async def set_faults(
        self,
        rate: float,
        kinds: Sequence[str] | None = None,
        *,
        seed: int | None = None,
        hold: float | None = None,
    ) -> None:
        """A fraction `rate` of all Bot API calls fails before taking effect, with one of
        `kinds` ("429", "500", "502", "timeout", "reset"); `hold` is how long a timeout sits
        on the request. rate=0 switches faults off."""
        body = {"rate": rate, "kinds": list(kinds or []), "seed": seed, "hold": hold}
        await self._post("faults", body)

    async def limit_stats(self) -> dict[str, Any]:
        """{"limits": {"enabled", "by_chat": {chat_id: 429s}, "total"},
        "faults": {"rate", "kinds", "seed", "hold", "by_kind": {kind: n}, "total"}}."""
        return dict(await self._get("limits/stats"))
