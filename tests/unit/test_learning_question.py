"""The learning question's check: a question about the inbrenger's own actions. A table of
questions in both languages, written for this test, and the questions the repository itself
uses (scenes, demo scripts, the SPEC), which must keep passing."""
from __future__ import annotations

import pytest

from fake_telegram.demo_script import SCRIPTS
from fake_telegram.scenes import QUESTION as SCENE_QUESTION
from flows.cycle.learning_question import (
    MAX_CHARS,
    check_learning_question,
    is_about_own_actions,
)
from flows.effects import Text

OWN_ACTIONS = [
    ("nl", "Hoe kan ik mijn instructie korter maken zonder dat de helft afhaakt?"),
    ("nl", "Geef ik genoeg wachttijd na een vraag aan de klas?"),
    ("nl", "Wat doe ik als een leerling blijft praten tijdens de uitleg?"),
    ("nl", "Hoe reageer ik op een brutale opmerking zonder boos te worden?"),
    ("nl", "Is mijn uitleg van breuken duidelijk genoeg voor de zwakkere lezers?"),
    ("nl", "Welke vragen stel ik als ik wil dat ze zelf gaan nadenken?"),
    ("nl", "Werkt mijn manier van complimenten geven bij deze groep?"),
    ("nl", "Wanneer grijp ik in bij onrust in de kring?"),
    ("nl", "Wat helpt mij om rustig te blijven als het rumoerig wordt?"),
    ("nl", "Hoe zorg je als docent dat iedereen meedoet met het groepswerk?"),
    ("nl", "Hoe overtuigend is mijn stemgebruik bij de start van de les?"),
    ("nl", "Wat doet mijn stilte na een vraag met de betrokkenheid van de klas?"),
    ("nl", "Wat laat deze clip zien van mezelf tijdens de overgang?"),
    ("en", "How can I keep the pace up without losing the slower pupils?"),
    ("en", "Do I give enough wait time after asking the class something?"),
    ("en", "What can I do when a pupil refuses to start the task?"),
    ("en", "Is my explanation of long division clear enough?"),
    ("en", "How do I respond when the class gets noisy after lunch?"),
    ("en", "Am I talking too much while they work in groups?"),
    ("en", "When should I step in during a class discussion?"),
    ("en", "Does my feedback help pupils improve their drafts?"),
    ("en", "How could my instructions for group work be clearer?"),
    ("en", "How do I come across when I'm under pressure?"),
    ("en", "What helps me stay calm when two pupils start arguing?"),
    ("en", "What effect does my position in the room have during seatwork?"),
]

NOT_OWN_ACTIONS = [
    ("nl", "Waarom is Tim zo druk in mijn klas?"),
    ("nl", "Wat vinden de leerlingen van mij?"),
    ("nl", "Waarom luisteren mijn leerlingen niet na de pauze?"),
    ("nl", "Hoe komt het dat groep 5 zo onrustig is?"),
    ("nl", "Waarom doen de jongens achterin niet mee?"),
    ("nl", "Is mijn klas drukker dan de andere klassen?"),
    ("nl", "Vinden de leerlingen mij te streng?"),
    ("en", "Why are my pupils so noisy after lunch?"),
    ("en", "What do the pupils think of me?"),
    ("en", "Why does my class never finish on time?"),
    ("en", "Are the girls at the back bored during maths?"),
    ("en", "Why is Sam always late for my lesson?"),
    ("en", "What makes this class so hard to manage?"),
]

# Learning questions the repository uses elsewhere: the scenes, the sandbox's scripted
# inbrengers, other tests, and the SPEC's "do I give enough wait time?".
IN_THE_REPOSITORY = [
    ("nl", SCENE_QUESTION),
    *[(language, script.learning_question) for language, script in SCRIPTS.items()],
    ("nl", "Hoe kan ik rustiger beginnen na de pauze?"),  # tests/e2e/test_e2e_clips.py
    ("nl", "Hoe krijg ik Tim stil in de kring?"),  # this module's docstring
    ("en", "Do I give enough wait time?"),
    ("nl", "Hoe houd ik de rust vast?"),
    ("nl", "Hoe stel ik vragen?"),
]


@pytest.mark.parametrize("language,question", OWN_ACTIONS + IN_THE_REPOSITORY)
def test_a_question_about_own_actions_passes(language: str, question: str) -> None:
    assert is_about_own_actions(question, language)


@pytest.mark.parametrize("language,question", NOT_OWN_ACTIONS)
def test_a_question_about_others_is_corrected_kindly(language: str, question: str) -> None:
    assert not is_about_own_actions(question, language)
    assert check_learning_question(question, language) == Text("lq.not_own_actions")


@pytest.mark.parametrize("language,question", NOT_OWN_ACTIONS[:2] + NOT_OWN_ACTIONS[-2:])
def test_the_same_question_sent_again_after_the_correction_is_taken(language: str,
                                                                   question: str) -> None:
    again = "  " + question.upper() + " "
    assert check_learning_question(again, language, insisted_on=question) is None
    other = "Waarom zijn de meisjes vooraan zo stil?"
    assert check_learning_question(other, language, insisted_on=question) == \
        Text("lq.not_own_actions")


def test_a_question_in_the_other_language_of_the_group_passes() -> None:
    """Groups mix languages: a Dutch group's member may ask in English, and the other way."""
    assert check_learning_question("How do I give more wait time after a question?", "nl") is None
    assert check_learning_question("Hoe geef ik meer wachttijd na een vraag?", "en") is None


def test_a_learning_question_may_be_as_long_as_the_limit_and_no_longer() -> None:
    words = ("Hoe kan ik rustiger beginnen na de pauze, " * 10)[:MAX_CHARS - 1]
    assert check_learning_question(words + "?", "nl") is None
    assert check_learning_question(words + "??", "nl") == Text("lq.too_long", {"max": MAX_CHARS})


def test_insisting_does_not_lift_the_other_checks() -> None:
    assert check_learning_question("De klas is druk", "nl", insisted_on="De klas is druk") == \
        Text("lq.not_a_question")


@pytest.mark.parametrize("language,question", [
    ("nl", "Ik wil leren hoe ik de klas stil krijg zonder te roepen"),
    ("nl", "Ik zou graag willen ontdekken wanneer ik te snel doorga"),
    ("nl", "Ik wil graag weten of mijn uitleg bij de achterste rij aankomt."),
    ("nl", "Ik vraag me af waarom ik bij de start zo veel praat"),
    ("en", "I want to learn how I can give clearer instructions"),
    ("en", "I'd like to find out whether my questions invite the quiet pupils."),
    ("en", "I wonder why I rush the end of my lessons"),
])
def test_what_i_want_to_learn_said_without_a_question_mark_is_a_learning_question(
        language: str, question: str) -> None:
    assert check_learning_question(question, language) is None


@pytest.mark.parametrize("language,statement", [
    ("nl", "Ik wil dat de leerlingen beter luisteren."),
    ("nl", "Ik leer veel van deze groep"),
    ("en", "I want the pupils to listen better."),
    ("en", "I learned a lot from this group"),
])
def test_a_wish_or_a_statement_is_still_not_a_question(language: str, statement: str) -> None:
    assert check_learning_question(statement, language) == Text("lq.not_a_question")
