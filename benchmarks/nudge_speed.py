"""How long `decide_on_message` takes: the median over varied messages (target < 1 ms).

Run: .venv/bin/python benchmarks/nudge_speed.py
The policy runs on every member message, inside the handler, so it must stay far below the
time Telegram and SQLite take anyway.
"""
from __future__ import annotations

import itertools
import statistics
import time
from datetime import UTC, datetime, timedelta

from flows.labels import Classification, Label
from flows.model import Member, NudgeDelivery, NudgeMode, Phase, Settings
from flows.nudging.policy import NudgeContext, NudgeHistory, decide_on_message

ROUNDS = 20_000
TARGET_MS = 1.0


def _contexts() -> list[tuple[NudgeContext, Classification]]:
    """A realistic mix: every label, phase, mode and delivery, with a busy history."""
    start = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)
    members = [Member(n, f"Lid {n}", started_private=n % 2 == 0) for n in range(1, 6)]
    history = NudgeHistory(
        last_nudge_at={m.user_id: start - timedelta(minutes=m.user_id) for m in members},
        sent_at=tuple(start - timedelta(minutes=6 * n) for n in range(9)),
        closed_run=2,
        last_contribution_at={m.user_id: start - timedelta(seconds=30 * m.user_id)
                              for m in members},
    )
    cases = []
    combos = itertools.product(Label, (Phase.GOAL, Phase.REALITY, Phase.OPTIONS, Phase.WILL),
                               NudgeMode, NudgeDelivery, members)
    for n, (label, phase, mode, delivery, writer) in enumerate(combos):
        ctx = NudgeContext(
            phase=phase, settings=Settings(nudging=mode, nudge_delivery=delivery),
            inbrenger_id=1, tips_open=n % 7 == 0, writer=writer, message_id=n,
            text="Je zou op 1:23 meer wachttijd kunnen geven.", now=start + timedelta(seconds=n),
            history=history, timestamp_seconds=83 if n % 3 == 0 else None,
        )
        cases.append((ctx, Classification(label, "je zou", "Wat als je meer wachttijd geeft?")))
    return cases


def median_decision_ms(rounds: int = ROUNDS) -> float:
    cases = _contexts()
    timings = []
    for ctx, classification in itertools.islice(itertools.cycle(cases), rounds):
        began = time.perf_counter()
        decide_on_message(ctx, classification)
        timings.append(time.perf_counter() - began)
    return statistics.median(timings) * 1000


def median_whole_decision_ms(rounds: int = 5_000) -> float:
    """What the bot does per member message in the talk: classify it, store it, and decide
    the nudge (flows.cycle.talk.respond_to_contribution), on real dev-set-like texts."""
    from flows.cycle.events import Contribution
    from flows.cycle.model import Cycle, CycleContext
    from flows.cycle.talk import respond_to_contribution

    start = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)
    members = tuple(Member(n, f"Lid {n}", started_private=n % 2 == 0) for n in range(1, 6))
    texts = ["Je zou meer wachttijd kunnen geven na je vraag.", "Wat zag je op 1:23 gebeuren?",
             "op 0:45 draait Tim zich om naar het raam", "Heb je al eens een timer geprobeerd?",
             "Why don't you put them in pairs first?", "Thanks for sharing this clip!",
             "Je wilt rust, maar je bent bang dat je ze kwijtraakt.", "Klopt het dat dit groep 5 is?"]
    timings = []
    for n in range(rounds):
        cycle = Cycle(id=1, group_id=1, inbrenger_id=1, number=1, phase=Phase.REALITY,
                      phase_started_at=start)
        ctx = CycleContext(cycle, Settings(), members, start + timedelta(seconds=n))
        event = Contribution(2 + n % 4, n, texts[n % len(texts)])
        began = time.perf_counter()
        respond_to_contribution(ctx, event)
        timings.append(time.perf_counter() - began)
    return statistics.median(timings) * 1000


def main() -> None:
    whole = median_whole_decision_ms()
    print(f"classify + store + decide (respond_to_contribution): median {whole * 1000:.1f} µs "
          f"(target < 1 ms): {'ok' if whole < TARGET_MS else 'TOO SLOW'}")
    median = median_decision_ms()
    verdict = "ok" if median < TARGET_MS else "TOO SLOW"
    print(f"decide_on_message: median {median * 1000:.1f} µs over {ROUNDS} decisions "
          f"(target < {TARGET_MS:g} ms): {verdict}")


if __name__ == "__main__":
    main()
