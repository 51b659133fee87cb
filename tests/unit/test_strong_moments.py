"""Reality's second step asks each peer for a moment that works well (SPEC 3). UX review 10:
a strong moment written "op 0:15: ..." was not noted, praise in that step was counted as a
"gevraagde tip" in the group summary and as "(+n)" advice for the coach, and the Realiteit
part left every strong moment out. A strong moment is what works well: never advice."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from flows.catalog import render_all
from flows.cycle.events import Contribution, Next
from flows.cycle.model import ContributionRef, Cycle, CycleContext
from flows.cycle.table import decide
from flows.effects import StoreContribution
from flows.model import FORGOTTEN_NAME, Member, Phase, RealityStep, Settings
from flows.reports.coach_summary import coach_summary
from flows.reports.group_summary import group_summary, strong_moments_line
from tests.unit.test_cycle import BOB, ctx_for, cycle_in, said

NOW = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)
SANNE, MOHAMED, FLEUR, LOTTE = 11, 12, 13, 14
PEOPLE = (Member(SANNE, "Sanne", agreed=True), Member(MOHAMED, "Mohamed", agreed=True),
          Member(FLEUR, "Fleur", agreed=True), Member(LOTTE, "Lotte", agreed=True))
STRONG = RealityStep.STRONG.value
COLON = "Sterk vond ik op 0:15: je wacht even en kijkt de klas rond, toen werd het stiller."


def test_a_strong_moment_with_a_colon_after_its_time_is_noted_with_its_still() -> None:
    decision = decide(ctx_for(cycle_in(Phase.REALITY, step=STRONG)),
                      Contribution(BOB, 1300, COLON))
    assert "Sterk moment genoteerd. Tot nu toe genoemd door: Bob" in said(decision)
    assert BOB in decision.cycle.strong_moments
    [stored] = [e for e in decision.effects if isinstance(e, StoreContribution)]
    assert stored.label == "observation" and 1300 not in decision.cycle.welcome_tips


def _cycle(**changes: object) -> Cycle:
    base = Cycle(1, 1, SANNE, 1, Phase.CLOSED, NOW, learning_question="Hoe geef ik instructie?",
                 commitment="Stappen op het bord")
    return base.__class__(**{**base.__dict__, **changes})


# As the review's run stored them: Mohamed's moment as an opinion (no stamp was found) and
# counted as a tip on request; Fleur's stamped one as an observation; Lotte's praise as an
# affirmation; then Mohamed's real tip after /tips.
TALK = (
    ContributionRef(1, MOHAMED, "reality", COLON, "opinion", 78, step=STRONG),
    ContributionRef(2, FLEUR, "reality", "Op 0:03 geef je heel duidelijk aan wat de opdracht is.",
                    "observation", 79, step=STRONG),
    ContributionRef(3, LOTTE, "reality", "Je stem is heel rustig en vriendelijk, echt fijn.",
                    "affirmation", 80, step=STRONG),
    ContributionRef(4, MOHAMED, "options", "Je zou de stappen op het bord kunnen zetten.",
                    "tip", 90),
)


def _summary_ctx(language: str = "nl") -> CycleContext:
    cycle = _cycle(welcome_tips=frozenset({78, 90}))
    return CycleContext(cycle, Settings(language=language), PEOPLE, NOW, TALK)


def _summaries(language: str = "nl") -> tuple[str, str]:
    ctx = _summary_ctx(language)
    return (render_all(language, group_summary(ctx)),
            render_all(language, coach_summary(ctx, "Pabo 3B", ())))


def test_strong_moments_are_never_counted_as_tips() -> None:
    group, coach = _summaries()
    assert "• Mohamed: 1 sterk moment, 1 gevraagde tip" in group  # only the real tip
    assert "• Fleur: 1 sterk moment" in group and "• Lotte: 1 sterk moment" in group
    assert "• Mohamed: 1 / 0 / 0 (+1)" in coach  # the moment is activating; (+1) the tip
    assert "• Lotte: 1 / 0 / 0" in coach


def test_the_strong_moments_line_names_everyone_who_named_one_those_quoted_too() -> None:
    """UX review 12: "Sterke momenten: Cato (0:03), Anna (0:01)" left out Daan, whose moment
    was quoted above it, and a coach concluded he named none. The line names them all."""
    group, coach = _summaries()
    reality = group[group.index("Realiteit"):group.index("Opties")]
    assert "• Fleur: Op 0:03 geef je heel duidelijk aan" in reality  # quoted, and named below
    assert "Sterke momenten: Mohamed (0:15), Fleur (0:03), Lotte" in reality
    assert "Sterke momenten: Mohamed (0:15), Fleur (0:03), Lotte" in coach
    line = strong_moments_line(_summary_ctx())
    assert line is not None and render_all("en", (line,)) == (
        "Strong moments: Mohamed (0:15), Fleur (0:03), Lotte")


def test_a_strong_moment_of_a_member_who_erased_their_data_is_a_group_members() -> None:
    """UX review 12: Fleur used /forget; her moment stays counted, without its words (and so
    its time), and the line said "Sterke momenten: —", which reads as "none"."""
    people = PEOPLE[:2] + (Member(FLEUR, FORGOTTEN_NAME), PEOPLE[3])
    erased = TALK[:1] + (replace(TALK[1], text="", erased=True),) + TALK[2:]
    ctx = CycleContext(_cycle(), Settings(), people, NOW, erased)
    group = render_all("nl", group_summary(ctx))
    assert "Sterke momenten: Mohamed (0:15), een groepsgenoot, Lotte" in group
    assert "Sterke momenten: —" not in group
    line = strong_moments_line(replace(ctx, settings=Settings(language="en")))
    assert line is not None and render_all("en", (line,)) == (
        "Strong moments: Mohamed (0:15), a group member, Lotte")


def test_a_tip_in_the_strong_step_stays_a_tip() -> None:
    tip = (ContributionRef(5, FLEUR, "reality", "Op 0:20 had je beter kunnen wachten.", "tip",
                           81, step=STRONG),)
    ctx = CycleContext(_cycle(), Settings(), PEOPLE, NOW, tip)
    group = render_all("nl", group_summary(ctx))
    assert "Sterke momenten" not in group and "• Fleur: 1 eigen idee" in group


def test_praise_without_a_time_that_completes_the_round_says_everyone_named_one() -> None:
    """The inbrenger is never expected to name a moment; praise without a time stamp is noted
    without a word, unless it is the last moment the step waits for."""
    cycle = cycle_in(Phase.REALITY, step=STRONG, strong_moments=frozenset({3, 4}))
    decision = decide(ctx_for(cycle), Contribution(BOB, 1301, "Je legt het heel helder uit"))
    assert "Iedereen heeft een sterk moment genoemd. Anna" in said(decision)
    assert "genoteerd" not in said(decision)


def test_the_still_of_a_strong_moment_is_not_offered_again_in_reality() -> None:
    """Its reply carries the still's button: an observation of the same moment later in
    reality gets no second offer; in the next phase it does."""
    noted = decide(ctx_for(cycle_in(Phase.REALITY, step=STRONG)),
                   Contribution(BOB, 1310, "Op 0:15 wacht je even, sterk."))
    analysis = replace(noted.cycle, step=RealityStep.ANALYSIS.value)
    same = decide(ctx_for(analysis), Contribution(3, 1311, "Wat dacht je op 0:15?"))
    assert "Je noemt 0:15" not in said(same)
    moved = decide(ctx_for(same.cycle), Next(1))
    assert moved.cycle.phase is Phase.OPTIONS
    later = decide(ctx_for(moved.cycle), Contribution(3, 1312, "Wat dacht je op 0:15?"))
    assert "Je noemt 0:15 in de clip" in said(later)


def test_a_second_strong_moment_at_the_same_time_is_noted_without_the_same_button() -> None:
    """Three identical "Bekijk het beeld op 0:15" buttons within a few lines (a review of the
    day's work): the second peer's moment at 0:15 is noted; its button is up already."""
    first = decide(ctx_for(cycle_in(Phase.REALITY, step=STRONG)),
                   Contribution(BOB, 1320, "op 0:15: je knikt naar het kind, dat is sterk"))
    second = decide(ctx_for(first.cycle), Contribution(3, 1321, "Sterk op 0:15 vond ik je "
                                                               "rustige houding"))
    assert "Sterk moment genoteerd" in said(second)
    assert not [e for e in second.effects if getattr(e, "buttons", ())], second.effects
