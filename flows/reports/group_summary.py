"""The group summary of a closed cycle and the participation picture: a balance of who
asked, observed, advised or stayed quiet, never a ranking."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from flows.cycle.model import ContributionRef, CycleContext
from flows.effects import Text, text
from flows.labels import Label, stance
from flows.model import Member

QUOTES_PER_PART = 3
QUOTE_CHARS = 90


@dataclass(frozen=True)
class Participation:
    name: str
    user_id: int
    activating: int
    neutral: int
    compensating: int
    asked: int
    observed: int
    advised: int

    @property
    def total(self) -> int:
        return self.activating + self.neutral + self.compensating


def participation(members: tuple[Member, ...], contributions: tuple[ContributionRef, ...],
                  inbrenger_id: int) -> list[Participation]:
    """Per peer (the inbrenger answers rather than contributes), in alphabetical order."""
    rows = []
    for member in sorted(members, key=lambda m: m.name.lower()):
        if member.user_id == inbrenger_id:
            continue
        mine = [c for c in contributions if c.user_id == member.user_id]
        stances = Counter(stance(Label(c.label)) for c in mine if c.label)
        labels = Counter(c.label for c in mine)
        rows.append(Participation(
            member.name, member.user_id, stances["activating"], stances["neutral"],
            stances["compensating"],
            asked=labels[Label.OPEN_QUESTION] + labels[Label.CLOSED_QUESTION],
            observed=labels[Label.OBSERVATION], advised=labels[Label.TIP],
        ))
    return rows


def _quote(words: str) -> str:
    words = " ".join(words.split())
    return words if len(words) <= QUOTE_CHARS else words[: QUOTE_CHARS - 1] + "…"


def _quotes(contributions: tuple[ContributionRef, ...], phase: str, labels: set[str]) -> str:
    # A contribution whose words were erased (/forget) still counts, but has nothing to quote.
    chosen = [c for c in contributions if c.phase == phase and c.label in labels and c.text]
    return "\n".join(f"• {_quote(c.text)}" for c in chosen[:QUOTES_PER_PART])


def participation_line(row: Participation) -> Text:
    if row.total == 0:
        return text("summary.member_quiet", name=row.name)
    if row.advised and not (row.asked or row.observed):
        return text("summary.member_advised", name=row.name, advised=row.advised)
    return text("summary.member_balance", name=row.name, asked=row.asked,
                observed=row.observed, activating=row.activating,
                compensating=row.compensating)


def group_summary(ctx: CycleContext) -> tuple[Text, ...]:
    cycle = ctx.cycle
    inbrenger = ctx.inbrenger
    contributions = ctx.contributions
    parts: list[Text] = [text("summary.title", name=inbrenger.name if inbrenger else "?",
                              number=cycle.number,
                              learning_question=cycle.learning_question or "—")]
    reality = _quotes(contributions, "reality", {Label.OBSERVATION, Label.REFLECTION})
    if reality:
        parts.append(text("summary.reality", lines=reality))
    options = _quotes(contributions, "options", {Label.OPEN_QUESTION, Label.REFLECTION,
                                                Label.TIP, Label.OTHER, Label.OBSERVATION})
    if options:
        parts.append(text("summary.options", lines=options))
    parts.append(text("summary.commitment", commitment=cycle.commitment or "—"))
    helpful = next((c for c in contributions if c.id == cycle.lookback_choice), None)
    if helpful:
        author = ctx.member(helpful.user_id)
        parts.append(text("summary.helpful", name=author.name if author else "?",
                          quote=_quote(helpful.text)))
    rows = participation(ctx.members, contributions, cycle.inbrenger_id)
    if rows:
        parts.append(text("summary.participation_title"))
        parts.extend(participation_line(row) for row in rows)
    return tuple(parts)
