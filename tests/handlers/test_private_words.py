"""Words in the private chat are pointed to where they would count: a member's thought during
the talk to that talk, an inbrenger's "het ging super, moet ik dat ergens kwijt?" to the start
of their next cycle (the Dutch group review: both heard only "Hier volg ik geen gesprek")."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot, coach_linked, set_up_agreed
from tests.handlers.talk import _closed_cycle, announced, to_the_talk
from tests.handlers.updates import BRAM, CATO, STRANGER, Person, message


async def _says_privately(bot: InProcessBot, person: Person, words: str) -> list[str]:
    await bot.tg.start_private_chat(person.user_id)
    return await bot.answers(message(bot.app.bot, person, words, chat_id=person.user_id),
                             chat_id=person.user_id)


async def test_a_thought_during_the_talk_is_pointed_to_that_talk(bot: InProcessBot) -> None:
    await to_the_talk(bot)
    [peer] = await _says_privately(bot, CATO, "Ik denk dat de instructie te lang is")
    assert peer.startswith("Zeg dit in de groep Intervisie 3B: daar loopt nu het gesprek over "
                           "de clip van Bram"), peer
    [own] = await _says_privately(bot, BRAM, "Ik vind het spannend eigenlijk")
    assert "het gesprek over jouw clip" in own, own


async def test_how_the_commitment_went_is_pointed_to_the_next_cycle(bot: InProcessBot) -> None:
    group_id = await set_up_agreed(bot, BRAM, CATO)
    await _closed_cycle(bot, group_id, BRAM, "Ik zet de stappen op het bord")
    [answer] = await _says_privately(bot, BRAM, "Het ging super! Moet ik dat ergens kwijt?")
    assert answer.startswith("Fijn dat je ermee bezig bent! Hoe het met je voornemen ging") and \
        "aan het begin van je volgende cyclus" in answer, answer
    [plain] = await _says_privately(bot, CATO, "Hoi!")  # no commitment of hers, no talk
    assert plain.startswith("Hier volg ik geen gesprek"), plain
    [stranger] = await _says_privately(bot, STRANGER, "Hallo?")
    assert stranger.startswith("Hier volg ik geen gesprek"), stranger


async def test_the_inbrenger_before_their_talk_hears_of_swap(bot: InProcessBot) -> None:
    """"Ik kom er deze week niet aan toe om te filmen" heard "no conversation here" at the
    moment /swap was what they needed (a review of the day's work)."""
    await announced(bot)
    [answer] = await _says_privately(bot, BRAM, "Ik kom er deze week niet aan toe, sorry!")
    assert "Je bent aan de beurt als inbrenger in Intervisie 3B" in answer and "/swap" in answer


async def test_a_coachs_words_are_not_passed_on_and_they_hear_so(bot: InProcessBot) -> None:
    """A coach's "Dank je, mooie cyclus!" after a summary would seem to reach the group."""
    await set_up_agreed(bot, BRAM)
    carla = Person(11, "Carla")
    await coach_linked(bot, carla)
    [answer] = await bot.answers(message(bot.app.bot, carla, "Dank je, mooie cyclus!",
                                         chat_id=carla.user_id), chat_id=carla.user_id)
    assert answer.startswith("Wat je hier schrijft, geef ik niet door: Intervisie 3B leest "
                             "het niet"), answer
