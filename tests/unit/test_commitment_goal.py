"""Will: what the inbrenger will try, and with which goal. A commitment without a goal is still
proposed, and the goal is asked for; a goal sent after it is joined to it; what is confirmed
(and so what the chain, the summaries and the export show) holds both."""
from __future__ import annotations

import pytest

from flows.catalog import render_all
from flows.cycle.commitment import has_goal, holds_no_commitment, is_goal_only, with_goal
from flows.cycle.events import CommitmentEdited, ConfirmCommitment, Contribution
from flows.cycle.model import Decision
from flows.cycle.table import decide
from flows.effects import Say
from flows.model import Phase, Settings
from flows.reports.group_summary import group_summary
from tests.unit.test_cycle import ANNA, BOB, ctx_for, cycle_in

WITH_GOAL = (
    ("nl", "Ik wacht na elke vraag vijf tellen, zodat meer leerlingen nadenken."),
    ("nl", "Ik ga bij de deur staan om de leerlingen rustig binnen te laten komen."),
    ("nl", "Ik noem eerst de regels, want dan weten ze wat ik verwacht."),
    ("nl", "Startopdracht op het bord, met als doel dat iedereen meteen aan de slag is."),
    ("nl", "Ik geef complimenten bij de start. Doel: een rustiger begin van de les."),
    ("nl", "Ik stel open vragen opdat ze zelf gaan nadenken."),
    ("nl", "Mijn doel is meer rust; ik ga daarom bij de deur wachten."),
    ("en", "I will wait five seconds after each question so that more pupils think."),
    ("en", "I'll greet the pupils at the door in order to start calmly."),
    ("en", "I will name one strong moment per pupil to help them feel seen."),
    ("en", "Wait at the door, because a calm start matters to me."),
    ("en", "My goal is a calm start: I'll put a starter task on the board."),
    ("en", "I will stop talking at the bell so the pupils can settle themselves."),
    ("en", "I'll ask open questions so everyone gets a chance to think."),
)
WITHOUT_GOAL = (
    ("nl", "Ik ga bij de deur wachten tot iedereen zit."),
    ("nl", "Morgen al, denk ik!"),
    ("nl", "Ik laat ze om de beurt antwoorden."),
    ("nl", "Ik ga de lesdoelen op het bord schrijven."),
    ("nl", "Vaker door de klas lopen."),
    ("en", "I want to greet the pupils at the door."),
    ("en", "I'll write the lesson goals on the board."),
    ("en", "Walk around the class more often."),
    ("en", "Tomorrow, I think!"),
)


@pytest.mark.parametrize(("language", "words"), WITH_GOAL)
def test_a_goal_is_recognised(language: str, words: str) -> None:
    assert has_goal(words, language) and has_goal(words)


@pytest.mark.parametrize(("language", "words"), WITHOUT_GOAL)
def test_no_goal_is_read_into_what_is_only_done(language: str, words: str) -> None:
    assert not has_goal(words, language)


@pytest.mark.parametrize(("goal", "joined"), [
    ("Zodat de les rustig begint.",
     "Ik ga bij de deur wachten tot iedereen zit, zodat de les rustig begint."),
    ("een rustige start", "Ik ga bij de deur wachten tot iedereen zit. Doel: een rustige start"),
])
def test_a_goal_is_joined_to_what_will_be_tried(goal: str, joined: str) -> None:
    assert is_goal_only(goal, "nl")
    assert with_goal("Ik ga bij de deur wachten tot iedereen zit.", goal, "Doel") == joined


def test_a_whole_new_commitment_is_no_goal_for_the_old_one() -> None:
    assert not is_goal_only("Ik wacht vijf tellen, zodat meer leerlingen nadenken.", "nl")


def proposal(decision: Decision, language: str = "nl") -> tuple[str, list[str]]:
    (say,) = [e for e in decision.effects if isinstance(e, Say)]
    return render_all(language, say.texts), [b.data for row in say.buttons for b in row]


def test_a_commitment_without_goal_is_proposed_and_the_goal_asked_for() -> None:
    words = "Ik ga bij de deur wachten tot iedereen zit."
    first = decide(ctx_for(cycle_in(Phase.WILL)), Contribution(ANNA, 800, words))
    shown, buttons = proposal(first)
    assert "Zal ik dit noteren als je voornemen" in shown and words in shown
    assert "En met welk doel" in shown and buttons == ["cy:7:commit:800"]
    joined = decide(ctx_for(first.cycle),
                    Contribution(ANNA, 801, "Zodat de les rustig begint."))
    shown, buttons = proposal(joined)
    assert buttons == ["cy:7:commit:801"] and "het staat er allebei in" in shown
    assert "Ik ga bij de deur wachten tot iedereen zit, zodat de les rustig begint." in shown
    confirmed = decide(ctx_for(joined.cycle), ConfirmCommitment(ANNA, 801))
    commitment = "Ik ga bij de deur wachten tot iedereen zit, zodat de les rustig begint."
    assert confirmed.cycle.commitment == commitment
    closed = ctx_for(cycle_in(Phase.CLOSED, commitment=commitment))
    assert commitment in render_all("nl", group_summary(closed))


def test_the_commitment_can_be_noted_without_a_goal_too() -> None:
    first = decide(ctx_for(cycle_in(Phase.WILL)), Contribution(ANNA, 800, "Vaker rondlopen."))
    confirmed = decide(ctx_for(first.cycle), ConfirmCommitment(ANNA, 800))
    assert confirmed.cycle.commitment == "Vaker rondlopen."


def test_a_plain_goal_is_added_with_its_label_in_the_groups_language() -> None:
    english = Settings(language="en")
    first = decide(ctx_for(cycle_in(Phase.WILL), settings=english),
                   Contribution(ANNA, 800, "I'll wait at the door until everyone is seated."))
    assert "And with which goal" in proposal(first, "en")[0]
    joined = decide(ctx_for(first.cycle, settings=english),
                    Contribution(ANNA, 801, "a calm start of the lesson"))
    assert joined.cycle.proposed_commitment == (
        "I'll wait at the door until everyone is seated. Goal: a calm start of the lesson")
    assert "both are there" in proposal(joined, "en")[0]


def test_a_goal_in_the_first_message_is_named_and_not_asked_for() -> None:
    words = "Ik wacht na elke vraag vijf tellen, zodat meer leerlingen nadenken."
    decision = decide(ctx_for(cycle_in(Phase.WILL)), Contribution(ANNA, 800, words))
    shown, _ = proposal(decision)
    assert "het staat er allebei in" in shown and "En met welk doel" not in shown
    again = decide(ctx_for(decision.cycle), Contribution(ANNA, 801, "want dan is het rustig"))
    assert again.cycle.proposed_commitment == "want dan is het rustig"  # a goal had been there


def test_an_edit_of_the_proposed_message_is_proposed_instead() -> None:
    """Telegram lets the inbrenger edit the message: before, the button still confirmed the
    old words and the edit was lost."""
    first = decide(ctx_for(cycle_in(Phase.WILL)),
                   Contribution(ANNA, 800, "Ik ga bij de deur wachten."))
    edited = "Ik ga bij de deur wachten, zodat de les rustig begint."
    revised = decide(ctx_for(first.cycle),
                     CommitmentEdited(ANNA, 800, "Ik ga bij de deur wachten.", edited))
    shown, buttons = proposal(revised)
    assert revised.cycle.proposed_commitment == edited  # rewritten, not joined as a goal
    assert edited in shown and "het staat er allebei in" in shown
    assert buttons == ["cy:7:commit:800"]
    confirmed = decide(ctx_for(revised.cycle), ConfirmCommitment(ANNA, 800))
    assert confirmed.cycle.commitment == edited
    # Another message, or someone else's edit, leaves the proposal alone.
    before = "Ik ga bij de deur wachten."
    assert decide(ctx_for(first.cycle), CommitmentEdited(ANNA, 799, before, edited)).refused
    assert decide(ctx_for(first.cycle), CommitmentEdited(BOB, 800, before, edited)).refused
    # A proposal joined from two messages is not replaced by an edit of its second one.
    joined = decide(ctx_for(first.cycle), Contribution(ANNA, 801, "Zodat het rustig is."))
    after = decide(ctx_for(joined.cycle),
                   CommitmentEdited(ANNA, 801, "Zodat het rustig is.", "Zodat het stil is."))
    assert after.cycle == joined.cycle and after.effects == ()


@pytest.mark.parametrize("words", [
    "Weet ik nog niet?", "Ik weet het nog niet", "Geen idee eigenlijk", "Zal ik langer wachten?",
    "Wat zouden jullie doen?", "I don't know yet", "Not sure yet.", "Should I wait longer?",
])
def test_a_question_or_not_knowing_yet_is_not_proposed(words: str) -> None:
    decision = decide(ctx_for(cycle_in(Phase.WILL)), Contribution(ANNA, 800, words))
    assert decision.cycle.proposed_commitment is None
    assert not [e for e in decision.effects if isinstance(e, Say)]
    assert holds_no_commitment(words)


@pytest.mark.parametrize("words", [
    "Ik ga langer wachten, goed idee?", "I'll wait longer, is that ok?",
    "Ik weet nog niet precies hoe, maar ik ga na elke vraag vijf tellen wachten.",
    "Vaker rondlopen.", "Morgen al, denk ik!",
])
def test_what_will_be_done_is_proposed_even_with_a_question_or_doubt(words: str) -> None:
    assert not holds_no_commitment(words)


def test_a_new_commitment_after_the_goal_question_takes_the_old_ones_place() -> None:
    """The UX review: "Weet ik nog niet?" was proposed, and "Ik ga langer wachten." glued on
    as its goal ("Weet ik nog niet? Doel: Ik ga langer wachten."), which went into both
    summaries once confirmed."""
    unsure = decide(ctx_for(cycle_in(Phase.WILL)), Contribution(ANNA, 800, "Weet ik nog niet?"))
    first = decide(ctx_for(unsure.cycle), Contribution(ANNA, 801, "Ik ga langer wachten."))
    shown, buttons = proposal(first)
    assert first.cycle.proposed_commitment == "Ik ga langer wachten."
    assert "En met welk doel" in shown and buttons == ["cy:7:commit:801"]
    other = decide(ctx_for(first.cycle),
                   Contribution(ANNA, 802, "Ik ga de namen van de leerlingen noemen."))
    assert other.cycle.proposed_commitment == "Ik ga de namen van de leerlingen noemen."
    english = Settings(language="en")
    asked = decide(ctx_for(cycle_in(Phase.WILL), settings=english),
                   Contribution(ANNA, 800, "I'll wait at the door."))
    again = decide(ctx_for(asked.cycle, settings=english),
                   Contribution(ANNA, 801, "Next time I will call pupils by name."))
    assert again.cycle.proposed_commitment == "Next time I will call pupils by name."


def test_a_correction_after_a_proposal_without_goal_is_a_new_proposal_without_its_word(
        ) -> None:
    """Review ux21 #4: "Correctie: ik ga ..." was kept whole; read as a goal (it does not open
    with what will be done) it would even be joined to the proposal it corrects."""
    first = decide(ctx_for(cycle_in(Phase.WILL)),
                   Contribution(ANNA, 800, "Ik ga bij de deur wachten tot iedereen zit."))
    corrected = decide(ctx_for(first.cycle),
                       Contribution(ANNA, 801, "Correctie: ik ga bij de deur staan."))
    assert corrected.cycle.proposed_commitment == "Ik ga bij de deur staan."
