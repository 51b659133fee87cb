"""A group's cycles as a portfolio: for each cycle the inbrenger, learning question,
commitment and the balance of contributions; as plain data (JSON) or Markdown."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from flows.cycle.model import ContributionRef, Cycle
from flows.labels import Label, stance
from flows.model import Group, Member


@dataclass(frozen=True)
class CycleRecord:
    cycle: Cycle
    inbrenger: str
    contributions: tuple[ContributionRef, ...]

    def as_data(self) -> dict[str, Any]:
        balance = Counter(stance(Label(c.label)) for c in self.contributions if c.label)
        return {
            "cycle_id": self.cycle.id, "inbrenger": self.inbrenger, "number": self.cycle.number,
            "phase": self.cycle.phase.value, "learning_question": self.cycle.learning_question,
            "commitment": self.cycle.commitment,
            "previous_commitment": self.cycle.previous_commitment,
            "watched_before_talk": self.cycle.watched_before_talk,
            "contributions": {"activating": balance["activating"],
                              "neutral": balance["neutral"],
                              "compensating": balance["compensating"]},
        }


def portfolio(group: Group, members: tuple[Member, ...],
              cycles: list[tuple[Cycle, tuple[ContributionRef, ...]]]) -> dict[str, Any]:
    names = {m.user_id: m.name for m in members}
    records = [CycleRecord(c, names.get(c.inbrenger_id, str(c.inbrenger_id)), contributions)
               for c, contributions in cycles]
    return {"group": {"id": group.id, "title": group.title},
            "cycles": [r.as_data() for r in records]}


def as_markdown(data: dict[str, Any]) -> str:
    lines = [f"# {data['group']['title'] or 'Intervision group'}", ""]
    for cycle in data["cycles"]:
        counts = cycle["contributions"]
        lines += [
            f"## {cycle['inbrenger']}, cycle {cycle['number']} ({cycle['phase']})", "",
            f"- Learning question: {cycle['learning_question'] or '—'}",
            f"- Commitment: {cycle['commitment'] or '—'}",
            (f"- Contributions: {counts['activating']} activating, "
             f"{counts['neutral']} neutral, {counts['compensating']} compensating"),
            "",
        ]
    return "\n".join(lines)
