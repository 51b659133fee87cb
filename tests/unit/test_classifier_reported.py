"""Two kinds of message the classifier missed (noted after the eighteenth session): advice about
what the pupils should do, and praise the inbrenger is heard saying in the clip."""
from __future__ import annotations

import pytest

from flows.classifier import classify
from flows.labels import Label


@pytest.mark.parametrize(("lang", "text", "cue", "question"), [
    ("nl", "ze kunnen beter in tweetallen werken", "ze kunnen beter ... werken",
     "Wat zou er gebeuren als ze in tweetallen werken?"),
    ("nl", "Ze zouden beter in tweetallen kunnen werken, dan is het rustiger.",
     "ze zouden beter ... werken", "Wat zou er gebeuren als ze in tweetallen werken?"),
    ("nl", "Hij kan beter naast jou zitten", "hij kan beter ... zitten",
     "Wat zou er gebeuren als hij naast jou zit?"),
    ("nl", "Ze kunnen beter de lichten uitdoen", "ze kunnen beter ... uitdoen",
     "Wat zou er gebeuren als ze de lichten uitdoen?"),
    ("en", "The pupils should work in pairs, that helps", "the pupils should",
     "What would happen if the pupils work in pairs?"),
    ("en", "They'd better work in pairs.", "they'd better",
     "What would happen if they work in pairs?"),
    ("en", "He should sit at the front.", "he should",
     "What would happen if he were to sit at the front?"),
    ("en", "Maybe they should just start with a quiz", "maybe they should",
     "What would happen if they start with a quiz?"),
])
def test_advice_about_the_pupils_is_a_tip_asked_about_them(lang: str, text: str, cue: str,
                                                            question: str) -> None:
    """"Ze kunnen beter in tweetallen werken" was information ("beter in"), "The pupils should
    work in pairs" an observation, "Hij kan beter naast jou zitten" an opinion: none was
    nudged, and where a rephrasing came it read "als je ze in tweetallen werkt"."""
    found = classify(text, lang)
    assert (found.label, found.cue, found.rephrasing) == (Label.TIP, cue, question)


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Ze kunnen beter rekenen dan vorig jaar"),  # a comparison, no advice
    ("en", "They should be able to do this by now"),  # what the class should manage
])
def test_what_the_pupils_can_do_is_no_advice_rule(lang: str, text: str) -> None:
    assert classify(text, lang).label is not Label.TIP


def test_advice_in_hindsight_about_the_pupils_looks_back() -> None:
    found = classify("They should have started earlier", "en")
    assert found.rephrasing == "What would have happened if they had started earlier?"


@pytest.mark.parametrize(("lang", "text", "cue"), [
    ("en", "I heard you say good job", "say good"),
    ("en", "You said good job to Ayoub at 0:40", "said good"),
    ("nl", "Ik hoorde je goed zo zeggen tegen Ayoub", "goed zo zeggen"),
    ("nl", "Je zei heel vaak super tegen de groep", "zei heel vaak super"),
    ("nl", "Je zegt steeds goed zo", "zegt steeds goed"),
])
def test_praise_the_inbrenger_is_heard_saying_is_an_observation(lang: str, text: str,
                                                               cue: str) -> None:
    """What the inbrenger says in the clip is seen by the writer: it was praise of the
    inbrenger (affirmation) or the writer's verdict (opinion, nudged)."""
    assert (classify(text, lang).label, classify(text, lang).cue) == (Label.OBSERVATION, cue)


@pytest.mark.parametrize(("lang", "text", "label"), [
    ("en", "I'd say good job", Label.OPINION),
    ("nl", "Ik zou zeggen: goed gedaan", Label.OPINION),
    ("en", "Um, I just want to say, it takes guts to show a lesson that didn't go well.",
     Label.AFFIRMATION),
])
def test_the_writers_own_saying_stays_their_own_words(lang: str, text: str,
                                                      label: Label) -> None:
    assert classify(text, lang).label is label


@pytest.mark.parametrize(("lang", "text", "cue"), [
    ("nl", "Vraag aan Bram: wat deed het wachten met jou?", "wat deed"),
    ("nl", "Bram: welke andere start zou je kunnen proberen?", "welke andere start zou je"),
    ("en", "Question for Bram: what did the waiting do to you?", "what did"),
    ("nl", "Even een vraag: wat wil je dat ze als eerste doen?", "wat wil"),
    ("nl", "Op 0:15: wat zag je daar?", "wat zag"),
    ("en", "At 0:15 what did you see there?", "what did"),
])
def test_a_label_or_moment_before_a_question_leaves_it_a_question(lang: str, text: str,
                                                                 cue: str) -> None:
    """A coach review: "Vraag: ..." and "Bram: welke andere start zou je kunnen proberen?"
    counted as a closed question and a tip in the coach's figures, "Op 0:15 wat zag je?" as
    closed: the words before the colon or after the moment hid the question word."""
    found = classify(text, lang)
    assert (found.label, found.cue) == (Label.OPEN_QUESTION, cue)


def test_a_moment_before_advice_in_a_question_stays_in_its_rephrasing() -> None:
    found = classify("At 1:10, what if you waited a bit?", "en")
    assert found.rephrasing == "What would happen if you waited a bit at 1:10?"
