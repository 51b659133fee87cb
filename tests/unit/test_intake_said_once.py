"""The intake says each thing once (UX review 10, #12): an unsure inbrenger's words before
accepting get no "ik wacht nog op je clip" right before the button's "stuur je clip"; a
caption that describes the clip is asked for the question in the clip's one answer; a
correction right after the example is one short line."""
from __future__ import annotations

from flows.cycle.events import Accept, ClipPosted, Contribution
from flows.cycle.model import Decision
from flows.cycle.table import decide
from flows.effects import Say
from flows.model import Phase
from tests.unit.test_cycle import ANNA, CLIP, ctx_for, cycle_in, said

P = Phase
FULL_CORRECTION = "Schrijf je leervraag als vraag, met een vraagteken."


def says(decision: Decision) -> int:
    return sum(isinstance(e, Say) for e in decision.effects)


def test_an_unsure_inbrenger_before_accepting_hears_of_swap_and_the_button_once() -> None:
    doubt = decide(ctx_for(cycle_in(P.ANNOUNCED)), Contribution(
        ANNA, 700, "Oei ik ben de eerste 😅 ik weet nog niet goed welke les ik moet laten zien"))
    assert says(doubt) == 1 and "/swap" in said(doubt) and "„Ik breng in”" in said(doubt)
    assert "stuur" not in said(doubt).lower()  # that comes once, with the acceptance
    accepted = decide(ctx_for(doubt.cycle), Accept(ANNA))
    assert said(accepted).count("stuur je clip") == 1


def test_chat_while_the_clip_is_awaited_mentions_swap() -> None:
    decision = decide(ctx_for(cycle_in(P.AWAITING_CLIP)), Contribution(ANNA, 701, "Haha ja"))
    assert "wacht nog op je clip" in said(decision) and "Met /swap geef je de beurt door" in \
        said(decision)


def test_a_caption_that_describes_the_clip_is_asked_for_the_question_in_one_message() -> None:
    decision = decide(ctx_for(cycle_in(P.AWAITING_CLIP)),
                      ClipPosted(ANNA, CLIP, "rekenles groep 5, dinsdag"))
    assert says(decision) == 1
    assert said(decision).startswith("Dank je, Anna! De clip is binnen.\n\nWat is je leervraag "
                                     "bij deze clip?")
    assert FULL_CORRECTION not in said(decision) and "nog eens" not in said(decision)


def test_a_clip_without_caption_is_one_message_too() -> None:
    decision = decide(ctx_for(cycle_in(P.AWAITING_CLIP)), ClipPosted(ANNA, CLIP, None))
    assert says(decision) == 1 and "Wat is je leervraag bij deze clip?" in said(decision)


def test_a_correction_right_after_the_example_is_one_short_line() -> None:
    asked = decide(ctx_for(cycle_in(P.AWAITING_CLIP)),
                   ClipPosted(ANNA, CLIP, "rekenles groep 5, dinsdag"))
    statement = decide(ctx_for(asked.cycle), Contribution(
        ANNA, 702, "Ik vind het lastig als de klas onrustig wordt"))
    assert said(statement) == "Nog als vraag graag, met een vraagteken: <i>Hoe kan ik …?</i>"
    taken = decide(ctx_for(statement.cycle), Contribution(
        ANNA, 703, "Hoe krijg ik de klas stil na de uitleg?"))
    assert taken.cycle.learning_question == "Hoe krijg ik de klas stil na de uitleg?"
    assert not taken.cycle.question_example_shown  # a later correction has its example again


def test_a_first_try_in_the_caption_gets_the_full_correction_with_the_clip_in_one_message() -> None:
    decision = decide(ctx_for(cycle_in(P.AWAITING_CLIP)),
                      ClipPosted(ANNA, CLIP, "Ik vind het lastig als de klas onrustig wordt"))
    assert says(decision) == 1
    assert "De clip is binnen." in said(decision) and FULL_CORRECTION in said(decision)
    again = decide(ctx_for(decision.cycle), Contribution(ANNA, 704, "Mijn klas na de pauze"))
    assert FULL_CORRECTION not in said(again) and said(again).count("\n") == 0
