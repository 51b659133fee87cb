"""Who a typed name means (/cycle Anna, /coach remove Carla): the same rule wherever an admin
names a person, so that a name is never taken for someone else's by accident."""
from __future__ import annotations

from collections.abc import Iterable

Person = tuple[int, str]  # user id, display name


def named(wanted: str, people: Iterable[Person]) -> list[Person]:
    """Everyone `wanted` may mean, in the order given: whose whole name it is (any case, an @
    in front allowed), else whose name or one of its words starts with it ("carla" finds
    "Coach Carla"). Several left means the typed name does not say who: ask."""
    word = wanted.strip().lstrip("@").casefold()
    if not word:
        return []
    everyone = list(people)
    exact = [p for p in everyone if p[1].casefold() == word]
    return exact or [p for p in everyone
                     if any(part.startswith(word)
                            for part in (p[1].casefold(), *p[1].casefold().split()))]
