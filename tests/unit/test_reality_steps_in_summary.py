"""The summary's Reality in a few lines walks the practice's order (SPEC 3 and 5): what was
seen, what works (a strong moment), then the analysis of the learning question. Before the
step was stored with each contribution, three quick observations in the first step filled all
three quotes and the analysis never reached the coach."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from flows.catalog import render_all
from flows.cycle.events import Contribution, VoiceNote
from flows.cycle.model import ContributionRef, Cycle, CycleContext
from flows.cycle.phases import quote
from flows.cycle.table import decide
from flows.effects import StoreContribution
from flows.model import Member, Phase, RealityStep, Settings
from flows.reports.group_summary import group_summary
from tests.unit.test_cycle import ANNA as MEMBER
from tests.unit.test_cycle import ctx_for, cycle_in

NOW = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)
ANNA, BRAM, CATO, DAAN = 700300200, 700300201, 700300202, 700300203
PEOPLE = (Member(ANNA, "Anna"), Member(BRAM, "Bram"), Member(CATO, "Cato"),
          Member(DAAN, "Daan"))
CYCLE = Cycle(1, 1, BRAM, 1, Phase.CLOSED, NOW, learning_question="Hoe begin ik rustig?",
              commitment="Bij de deur wachten")

SEEN = ("Op 0:04 staan er nog vier kinderen bij de kapstok.",
        "Op 0:09 klap je twee keer in je handen.",
        "Op 0:15 kijkt het meisje vooraan naar het raam.")
STRONG = "Op 0:31 wacht je tot het stil is, dat werkt."
ANALYSIS = "Wat maakte dat je op 0:09 ging klappen in plaats van te wachten?"


def _talk(*, with_steps: bool) -> tuple[ContributionRef, ...]:
    step = (lambda s: s.value) if with_steps else (lambda s: "")
    said = [ContributionRef(i + 1, who, "reality", words, "observation", 10 + i,
                            step=step(RealityStep.SEE))
            for i, (who, words) in enumerate(zip((ANNA, CATO, DAAN), SEEN, strict=True))]
    said.append(ContributionRef(4, ANNA, "reality", STRONG, "observation", 14,
                                step=step(RealityStep.STRONG)))
    said.append(ContributionRef(5, CATO, "reality", ANALYSIS, "open_question", 15,
                                step=step(RealityStep.ANALYSIS)))
    return tuple(said)


def _reality(talk: tuple[ContributionRef, ...], language: str = "nl") -> str:
    summary = render_all(language, group_summary(
        CycleContext(CYCLE, Settings(language=language), PEOPLE, NOW, talk)))
    return summary


def test_each_step_of_reality_is_quoted_before_a_second_observation() -> None:
    summary = _reality(_talk(with_steps=True))
    assert SEEN[0] in summary  # the first thing seen
    assert STRONG in summary and ANALYSIS in summary
    assert SEEN[1] not in summary and SEEN[2] not in summary


def test_in_the_talks_order_also_in_english() -> None:
    summary = _reality(_talk(with_steps=True), "en")
    assert summary.index(SEEN[0]) < summary.index(STRONG) < summary.index(ANALYSIS)


def test_contributions_stored_before_steps_keep_each_members_first() -> None:
    """Without a step (stored before migration 10) each member's first comes first, as before."""
    summary = _reality(_talk(with_steps=False))
    assert all(words in summary for words in SEEN)
    assert STRONG not in summary and ANALYSIS not in summary


def test_a_contribution_is_stored_with_the_step_it_was_said_in() -> None:
    for step in RealityStep:
        decision = decide(ctx_for(cycle_in(Phase.REALITY, step=step.value)),
                          Contribution(MEMBER, 1200, "Wat zag je zelf op 0:20?"))
        [stored] = [e for e in decision.effects if isinstance(e, StoreContribution)]
        assert (stored.phase, stored.step) == ("reality", step.value)
    decision = decide(ctx_for(cycle_in(Phase.GOAL)),
                      Contribution(MEMBER, 1201, "Wat wil je bereiken?"))
    [stored] = [e for e in decision.effects if isinstance(e, StoreContribution)]
    assert (stored.phase, stored.step) == ("goal", "")


def test_a_long_message_is_quoted_by_whole_words_and_its_point() -> None:
    """The second nudging review: quotes such as "... wat je nou precies bedoelt met da…" kept
    a spoken lead-in, lost the question and cut a word in two."""
    run_on = ("ja dus ik zat net te kijken en ik vroeg me eigenlijk af wat je nou precies "
              "bedoelt met dat stille moment bij twintig seconden?")
    talk = (ContributionRef(1, CATO, "reality", run_on, "open_question", 10,
                            step=RealityStep.ANALYSIS.value),
            ContributionRef(2, ANNA, "reality", "Sorry, was even weg. Op 0:14 praat je zachter "
                            "en worden ze stil, en daarna begint het meisje achterin te lezen.",
                            "observation", 11, step=RealityStep.SEE.value))
    summary = _reality(talk)
    assert "ja dus ik zat net te kijken … " in summary
    assert "bedoelt met dat stille moment bij twintig seconden?" in summary
    assert "Sorry" not in summary and "Op 0:14 praat je zachter en worden ze stil" in summary


def test_a_message_of_many_short_sentences_is_quoted_from_its_start() -> None:
    """A review of changes mid-cycle: a long message of short repeated questions was quoted
    by its last words only ("What would a good lesson look like for y"), as if it ended there:
    every short sentence gave way, not one lead-in."""
    said = ("What would a good lesson look like for you? " * 20)[:-25].strip()
    shown = quote(said, 90)
    assert shown.startswith("What would a good lesson look like for you?")
    assert shown.endswith("…")


def test_a_voice_note_is_stored_with_the_step_it_was_said_in() -> None:
    """A spoken observation in the analysis step is quoted as the analysis, as typed words are."""
    decision = decide(ctx_for(cycle_in(Phase.REALITY, step=RealityStep.ANALYSIS.value)),
                      VoiceNote(MEMBER, 1202, "voice-file", 12))
    [stored] = [e for e in decision.effects if isinstance(e, StoreContribution)]
    assert (stored.phase, stored.step, stored.kind) == ("reality", "analysis", "voice")


def test_what_helped_most_is_quoted_once_however_few_were_said() -> None:
    """The contribution the inbrenger chose in the look back is always quoted, and only once,
    also where the phase holds fewer peers' words than the summary has room for."""
    talk = _talk(with_steps=True)
    chosen = replace(CYCLE, lookback_choice=5)  # Cato's analysis
    summary = render_all("nl", group_summary(
        CycleContext(chosen, Settings(), PEOPLE, NOW, (talk[0], talk[4]))))
    # once among Reality's quotes (and once more under what helped most)
    assert summary.count(f"• Cato: {ANALYSIS}") == 1 and SEEN[0] in summary
