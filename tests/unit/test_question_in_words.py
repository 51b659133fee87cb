"""The learning question out of the words around it (UX review 10, #2): "Wacht, eigenlijk is
mijn leervraag meer: hoe ...? Kan ik dat nog veranderen?" became the learning question whole,
and before the clip "Ik heb eigenlijk nog geen goede clip... Sanne, wil jij misschien?" was
taken as one ("Dank je! Je leervraag: ..."). Dutch and English, several ways of saying it."""
from __future__ import annotations

import pytest

from flows.catalog import render_all
from flows.cycle.events import Contribution, NewQuestionChosen
from flows.cycle.learning_question import is_about_the_turn, question_in
from flows.cycle.table import decide
from flows.effects import Say
from flows.model import Phase
from tests.unit.test_cycle import ANNA, CLIP, QUESTION, ctx_for, cycle_in, said

P = Phase
INSTRUCTION = "Hoe geef ik een korte, duidelijke instructie zodat ze zelfstandig aan de slag kunnen?"


@pytest.mark.parametrize("words,question", [
    (("Wacht, eigenlijk is mijn leervraag meer: hoe geef ik een korte, duidelijke instructie "
     "zodat ze zelfstandig aan de slag kunnen? Kan ik dat nog veranderen?"), INSTRUCTION),
    ("Mijn leervraag is eigenlijk: Hoe krijg ik de klas stil na de uitleg? Is dat goed?",
     "Hoe krijg ik de klas stil na de uitleg?"),
    ("Nieuwe leervraag: hoe start ik de les rustiger?", "Hoe start ik de les rustiger?"),
    ("Sorry, mijn leervraag is nu: hoe geef ik duidelijke feedback? Klopt dat zo?",
     "Hoe geef ik duidelijke feedback?"),
    ("Mijn leervraag wordt dan: wanneer grijp ik in bij onrust? Mag dat nog?",
     "Wanneer grijp ik in bij onrust?"),
    ("Oké, mijn vraag is eigenlijk hoe ik meer wachttijd geef? Wat vinden jullie?",
     "Hoe ik meer wachttijd geef?"),
    ("Wacht, hoe geef ik meer wachttijd?", "Hoe geef ik meer wachttijd?"),
    ("Kan ik dat nog aanpassen? Hoe reageer ik op een brutale opmerking?",
     "Hoe reageer ik op een brutale opmerking?"),
    (("Actually my learning question is: how do I give clearer instructions? Can I still "
     "change it?"), "How do I give clearer instructions?"),
    ("My question is really: when should I step in? Is that ok?", "When should I step in?"),
    ("Oh wait, how do I respond when the class gets noisy? What do you think?",
     "How do I respond when the class gets noisy?"),
    # What points at the question is no part of it (review ux21: "This one: how ...?").
    ("Actually this one: how do I give more wait time?", "How do I give more wait time?"),
    ("Of nee, deze: hoe geef ik meer wachttijd?", "Hoe geef ik meer wachttijd?"),
    ("New learning question: how can I keep the pace up? Does that work?",
     "How can I keep the pace up?"),
])
def test_the_question_is_taken_out_of_the_words_around_it(words: str, question: str) -> None:
    assert question_in(words) == question


@pytest.mark.parametrize("words", [
    QUESTION,
    "In mijn klas is het vaak onrustig. Hoe krijg ik ze stil na de uitleg?",
    "Kan ik mijn vragen beter stellen?",
    "Is mijn uitleg duidelijk genoeg?",
    "Wat doe ik als een leerling vraagt: mag dit ook anders?",
    "Ik wil leren hoe ik meer wachttijd geef.",
    "Can I give clearer instructions?",
    "Is my feedback clear enough for the weaker readers?",
])
def test_a_question_without_words_around_it_stays_as_it_was(words: str) -> None:
    assert question_in(words) == words


OTHERS = ("Sanne", "Bram")


@pytest.mark.parametrize("words", [
    "Ik heb eigenlijk nog geen goede clip... Sanne, wil jij misschien?",
    "Oei ik ben de eerste 😅 ik weet nog niet goed welke les ik moet laten zien",
    "Ik heb deze week niet kunnen filmen, kan iemand anders misschien inbrengen?",
    "Wil jij misschien eerst, Bram?",
    "Bram, kun jij deze keer?",
    "Mag ik mijn beurt doorgeven?",
    "I don't have a clip yet, could someone else take this turn?",
    "I haven't been able to film this week. Bram, would you?",
    "Not sure which lesson to show yet",
    "Can we swap turns?",
])
def test_words_about_the_turn_are_no_learning_question(words: str) -> None:
    assert is_about_the_turn(words, OTHERS)


@pytest.mark.parametrize("words", [
    QUESTION,
    "Hoe verdeel ik de beurten eerlijker in de kring?",
    "Hoe kan ik de opname van mijn stem beter gebruiken?",
    "Hoe reageer ik als Sanne uit groep 5 weer roept?",
    "Wat doe ik als een leerling zegt: wil jij even helpen?",
    "How do I give turns more fairly?",
    "How do I react when Bram in my class calls out again?",
])
def test_a_learning_question_is_not_read_as_about_the_turn(words: str) -> None:
    assert not is_about_the_turn(words, OTHERS)


def test_before_the_clip_a_line_about_the_turn_is_answered_not_taken() -> None:
    cycle = cycle_in(P.ANNOUNCED)
    decision = decide(ctx_for(cycle), Contribution(
        ANNA, 600, "Ik heb eigenlijk nog geen goede clip... Bob, wil jij misschien?"))
    assert decision.cycle.learning_question is None
    assert "Je leervraag" not in said(decision)
    # Bob was asked: the command that hands the turn to him (a review of the day's work)
    assert said(decision).startswith("Anna, wil Bob hem overnemen? Dan geef je de beurt door "
                                     "met /swap Bob."), said(decision)
    again = decide(ctx_for(decision.cycle), Contribution(ANNA, 601, "Echt geen goede clip..."))
    assert said(again) == ""  # answered once
    unnamed = decide(ctx_for(cycle), Contribution(ANNA, 602, "Ik heb nog geen goede clip..."))
    assert said(unnamed).startswith("Anna, twijfel je, of heb je (nog) geen clip?")


def test_doubt_right_after_the_turn_was_explained_hears_it_short() -> None:
    """"Oei, ik weet niet wat ik moet inbrengen" heard the announcement's button and /swap;
    the next line about having no clip heard both again, at length."""
    cycle = cycle_in(P.ANNOUNCED)
    first = decide(ctx_for(cycle), Contribution(ANNA, 610, "Oei, spannend zeg"))
    assert "/swap" in said(first)
    doubt = decide(ctx_for(first.cycle), Contribution(ANNA, 611, "Ik heb nog geen goede clip"))
    assert said(doubt) == ("Anna, dat kan: met /swap geef je de beurt door (of met /swap en een "
                           "naam aan wie hem overneemt).")


def test_before_the_clip_the_question_is_kept_without_the_words_around_it() -> None:
    decision = decide(ctx_for(cycle_in(P.AWAITING_CLIP)), Contribution(
        ANNA, 602, f"Mijn leervraag is: {QUESTION} Is dat goed?"))
    assert decision.cycle.learning_question == QUESTION


def test_the_offered_new_question_is_the_question_only() -> None:
    cycle = cycle_in(P.AWAITING_CLIP, clip=CLIP, learning_question=QUESTION)
    words = ("Wacht, eigenlijk is mijn leervraag meer: hoe geef ik een korte, duidelijke "
             "instructie zodat ze zelfstandig aan de slag kunnen? Kan ik dat nog veranderen?")
    offered = decide(ctx_for(cycle), Contribution(ANNA, 603, words))
    [say] = [e for e in offered.effects if isinstance(e, Say)]
    assert "Kan ik dat nog veranderen" not in render_all("nl", say.texts)
    assert INSTRUCTION in render_all("nl", say.texts)
    taken = decide(ctx_for(offered.cycle), NewQuestionChosen(ANNA, 603))
    assert taken.cycle.learning_question == INSTRUCTION


@pytest.mark.parametrize(("words", "question"), [
    ("Kringgesprek groep 4. Hoe laat ik meer kinderen aan het woord?",
     "Hoe laat ik meer kinderen aan het woord?"),
    ("Rekenles groep 5, dinsdag. Hoe houd ik de aandacht vast?",
     "Hoe houd ik de aandacht vast?"),
    ("Maths, year 7. How do I keep them on task?", "How do I keep them on task?"),
    # what the question is about stays
    ("Na de pauze is het onrustig. Hoe krijg ik de klas sneller stil?",
     "Na de pauze is het onrustig. Hoe krijg ik de klas sneller stil?"),
    ("Onrustig na de pauze. Hoe krijg ik ze stil?", "Onrustig na de pauze. Hoe krijg ik ze stil?"),
    ("Ik wil leren hoe ik rustiger word. Hoe doe ik dat?",
     "Ik wil leren hoe ik rustiger word. Hoe doe ik dat?"),
])
def test_a_label_of_the_clip_before_the_question_is_left_out(words: str, question: str) -> None:
    """A caption "Kringgesprek groep 4. Hoe laat ik ...?" kept the label in the question, in
    the watch post, the reality prompt and the coach's chain (a review of the day's work)."""
    assert question_in(words) == question
