"""The claim model, behaviour by behaviour, on real sentences from ../shared.

Sources: the Clearview documents (data/officiele-stukken/clearview, INDEX.md), Kamervragen
answer documents and bulk Q&A (data/officiele-stukken/kamervragen, data/kamervragen-bulk)
and the corrections (data/officiele-stukken/corrections); each test names its own.
"""

from __future__ import annotations

import pytest
from conftest import DEKKER, GRAPPERHAUS

from wording_diff.api import compare_texts, get_parser
from wording_diff.diff.effects import amount, direction, same_qualifier
from wording_diff.diff.engine import claim_reader
from wording_diff.diff.parsed import ParsedText
from wording_diff.lexical import LexicalRelations


@pytest.fixture(scope="module")
def read():
    parser = get_parser()
    lexicon = parser.nlp.get_pipe("scope_qualifiers").lexicon

    def claims(text: str):
        return claim_reader(lexicon).read(ParsedText.of(parser.parse(text), lexicon), "a")

    return claims


def own(claims):
    """The claims a text makes itself (not its embedded clauses)."""
    return [c for c in claims if not c.embedded]


def polarity_changes(comparison):
    return [c for c in comparison.changes() if c.dimension == "polarity"]


# ---------------------------------------------------------------- polarity, once per claim
def test_niet_and_geen_on_one_predicate_are_the_same_polarity():
    # Dekker, 28 Sept 2021 ("niet gedaan") and Grapperhaus, 13 Oct 2021 ("geen toestemming
    # gegeven"): both deny; the change is one of modality, not a reversal.
    comparison = compare_texts(DEKKER, GRAPPERHAUS).comparison
    assert comparison.verdict == "narrowed"
    assert [c.polarity for c in comparison.a_claims] == ["negative"] and [c.polarity for c in comparison.b_claims] == ["negative"]
    assert not any(c.effect == "reverses" for c in comparison.changes())
    unchanged = [c for c in comparison.changes(include_unchanged=True) if c.dimension == "polarity"]
    assert [(c.kind, c.a_text, c.b_text) for c in unchanged] == [("unchanged", "niet", "geen")]


def test_a_negation_repeated_in_the_answer_is_no_change():
    # kamervragen-bulk, SSC validation line 1883: the question and the answer both deny.
    q = "Klopt het voorts dat het publiceren en verspreiden van de ontwerpen van 3D-wapens nog niet expliciet verboden is?"
    a = "Het klopt dat het publiceren en verspreiden van de ontwerpen van 3D-wapens niet expliciet verboden is."
    comparison = compare_texts(q, a).comparison
    assert not polarity_changes(comparison)
    assert comparison.verdict != "reversed"


def test_the_question_frame_is_not_the_claim(read):
    # the same question: what is asked is the clause after "Klopt het … dat", negated.
    (claim,) = own(read("Klopt het voorts dat het publiceren en verspreiden van de ontwerpen van 3D-wapens nog niet expliciet verboden is?"))
    assert claim.stance == "asked" and claim.predicate == "verbieden" and claim.polarity == "negative"
    assert not any(q.text == "Klopt" for q in claim.qualifiers)


# ---------------------------------------------------------------- quotes, reports, retractions
def test_reported_speech_claims_what_is_reported(read):
    # security.nl 725498: the report's frame ("Onlangs liet … weten dat") dates the report,
    # not the claim; the claim is Dekker's sentence of 28 September.
    text = (
        "Onlangs liet demissionair minister Dekker voor Rechtsbescherming in antwoord op Kamervragen weten dat biometrische "
        "surveillance, in de zin van real-time gezichtsherkenning, op dit moment niet in Nederland plaatsvindt."
    )
    (claim,) = own(read(text))
    assert claim.stance == "reported" and claim.polarity == "negative"
    assert "Onlangs" not in {q.text for q in claim.qualifiers}
    assert {"op dit moment", "in Nederland"} <= {q.text for q in claim.qualifiers}
    dekker = "Biometrische surveillance, in de zin van real-time gezichtsherkenning, wordt op dit moment in Nederland niet gedaan."
    assert compare_texts(dekker, text).comparison.verdict == "unchanged"


def test_i_reported_earlier_that_x_claims_x(read):
    # the answer of 28 Sept 2021 as Dekker's own report of it ("ik heb … gemeld dat"):
    # tweakers 187478 quotes the police's denial.
    (claim,) = own(read("Ik heb de Kamer eerder gemeld dat de politie geen gebruik maakt van de gezichtsherkenningssoftware van Clearview AI."))
    assert claim.stance == "reported" and claim.predicate == "gebruiken" and claim.polarity == "negative"


def test_a_retraction_applies_to_the_claim_it_retracts():
    # ah-tk-20212022-1053, answer 3, on the sentence of 28 September 2021.
    comparison = compare_texts(
        "Biometrische surveillance, in de zin van realtime gezichtsherkenning, wordt op dit moment in Nederland niet gedaan.",
        "Die zin kan echter ook breder worden opgevat en dan is die stelling niet helemaal juist.",
    ).comparison
    retracted = [cp for cp in comparison.claim_pairs if cp.relation == "retracted"]
    assert len(retracted) == 1 and retracted[0].a is comparison.a_claims[0]
    assert retracted[0].b.stance == "retracted" and retracted[0].b.reference == "die stelling"
    assert comparison.verdict == "reversed"
    assert [c.rule for c in polarity_changes(comparison)] == ["claim:retraction"]


def test_the_correction_in_other_words_reverses_the_claim():
    # ah-tk-20212022-1053: "vindt namelijk wél plaats" against "wordt … niet gedaan".
    comparison = compare_texts(
        "Biometrische surveillance, in de zin van realtime gezichtsherkenning, wordt op dit moment in Nederland niet gedaan.",
        "Identificatie met behulp van realtime gezichtsherkenningstechnologie vindt namelijk wél plaats in Nederland.",
    ).comparison
    assert comparison.verdict == "reversed"
    (change,) = polarity_changes(comparison)
    assert (change.kind, change.a_text, change.b_text) == ("replaced", "niet", "wél")


def test_a_quote_is_a_mention_not_the_speakers_claim(read):
    # corrections: yesilgoz-nareis (news report quoting the earlier claim in „…”) — the
    # quoted words inside a longer sentence are a mention; with "zei … dat" they are reported.
    claims = own(read("VVD-leider Yeşilgöz zei enkele dagen voor de stembusgang in de Volkskrant dat het „gaat over duizenden mensen – hoeveel exact weten we niet”."))
    assert claims and claims[0].stance == "reported"
    # Kamervragen ah-tk-20232024-1708, Vraag 4: a question quoting what a counsellor writes
    claims = read("Klopt het dat het voor DUO volstaat indien een studiebegeleider of decaan inde toelichting bij «verzoek voorziening» schrijft: «vanwege structurelefunctiebeperkende omstandigheden, heeft de student studievertragingopgelopen/studie niet af kunnen maken»?")
    assert all(c.stance in ("asked", "quoted") for c in claims)
    quoted = [c for c in claims if c.predicate == "afmaken"]
    assert quoted and all(c.stance == "quoted" for c in quoted)
    assert any(c.stance == "asked" for c in claims)


def test_a_wrong_version_of_the_answer_retracts_it():
    # ah-tk-20232024-1433, Vraag 2 and Antwoord 2: the answer calls what was sent "een
    # verkeerde versie van mijn antwoord".
    q = "Kunt u bevestigen dat u op 15 februari 2024 in antwoorden op schriftelijkevragen het volgende schreef aan de Kamer: «Om aan de motie tegemoet tekomen, zal ik voorbereidingen treffen voor het intrekken van de vrijstelling ende aanwijzing van konijn, houtduif en kauw»?"
    a = "Door een menselijkefout is op 15 februari 2024 een verkeerde versie van mijn antwoord verstuurd,hetgeen ik betreur."
    comparison = compare_texts(q, a).comparison
    assert any(p.relation == "retracted" for p in comparison.claim_pairs)
    assert comparison.verdict == "reversed"


@pytest.mark.parametrize(
    "later",
    [
        # corrections/rutte-geen-geld-griekenland-2012-2015: the pledge given up, and the
        # apology for it (fok.nl 2015, IJmuider Courant), against the pledge as EW quotes it
        "\"In de kern lever ik mijn verkiezingsbelofte in\", zei Rutte maandag na een speciale eurotop in Brussel waar de noodlijdende Grieken onderhandelingen over een pakket maatregelen van ruim 80 miljard euro zijn beloofd. \"Als het pakket er komt.\"",
        ",,Duizend euro voor werkend Nederland, niet morrelen aan de hypotheekrenteaftrek en geen geld meer naar de Grieken. Laat ik daar volstrekt helder over zijn: ik zeg daar sorry voor”",
        "‘Als ik heel eerlijk ben heeft mijn belofte geen stand gehouden. Het uitstel zou geen cent kosten,’ zei hij toen na het vragenuurtje.",
    ],
    ids=["pledge-given-up", "apology", "pledge-did-not-hold"],
)
def test_giving_up_a_pledge_or_apologising_for_it_retracts_it(later):
    comparison = compare_texts("‘Geen geld naar de Grieken,’ hield Rutte vol in 2012.", later).comparison
    assert any(p.relation == "retracted" for p in comparison.claim_pairs)
    assert comparison.verdict == "reversed"


def test_saying_what_a_word_meant_narrows_the_claim():
    # ah-tk-20232024-260, Vraag 4 and Antwoord 4: "Met het woord «regeling» wordt in dit
    # geval bedoeld dat …" restricts the question's reading after the fact.
    q = "Is er sprake van een «tijdelijke regeling» die inhoudt «dat een vergunning waarvan tijdig verlenging is aangevraagd zijn geldigheid niet verliest totdat [onderdeel van Justitie,red.] een beslissing op de aanvraag voor verlenging heeft genomen»?"
    a = "Met het woord «regeling» wordt in dit geval bedoeld dat er een voorziening is getroffen voor de bedrijven die door de achterstanden bij Justis in de knel dreigden te komen met hun vergunning."
    comparison = compare_texts(q, a).comparison
    restriction = [c for c in comparison.changes() if c.rule == "claim:restriction"]
    assert restriction and restriction[0].effect == "narrows" and restriction[0].explanation
    assert comparison.verdict == "narrowed"


# ---------------------------------------------------------------- questions
def test_a_question_asks_to_confirm_its_claim(read):
    # ah-tk-20142015-698, Vraag 5
    claims = own(read("Deelt u de mening dat dit overdeclaratie uitlokt en weinig ruimte biedt voor het in rekening brengen van een eerlijke prijs voor de verleende zorg?"))
    assert all(c.stance == "asked" and c.polarity == "positive" for c in claims)
    # the two clauses coordinated under the frame are asked each
    assert [c.predicate for c in claims] == ["uitlokken", "ruimte"]


def test_the_answer_that_does_not_share_the_view_reverses_it():
    # ah-tk-20142015-698, Vraag 5 and Antwoord 5
    comparison = compare_texts(
        "Deelt u de mening dat dit overdeclaratie uitlokt en weinig ruimte biedt voor het in rekening brengen van een eerlijke prijs voor de verleende zorg?",
        "Hoewel partijen onduidelijkheid in de regelgeving hebben ervaren deel ik uw mening niet dat dit overdeclaratie uit lokt en er dus weinig ruimte zou zijn voor het in rekening brengen van een eerlijke prijs.",
    ).comparison
    assert comparison.verdict == "reversed"


def test_interrogative_phrases_are_not_qualifiers(read):
    # ah-tk-20232024-1031, Vraag 2: "hoeveel en mogelijk welke bedrijven" is what is asked
    claims = read("Kunt u in kaart brengen hoeveel en mogelijk welke bedrijven nieuwe investeringen doen in het buitenland in plaats van Nederland, of dit overwegen?")
    dims = {q.dimension for c in claims for q in c.qualifiers if q.text.lower().startswith(("hoeveel", "welke", "in hoeverre", "op grond waarvan"))}
    assert not dims


def test_a_negation_in_the_frame_of_a_question_does_not_deny_what_it_asks(read):
    # ah-tk-20232024-784, Vraag 5: the "niet" of "niet over geanonimiseerde gegevens" belongs
    # to the question's frame; the claim asked about is that the data can no longer be traced.
    claims = read("Waarom spreekt de NZa nog steeds over gepseudonimiseerde gegevens en niet over geanonimiseerde gegevens als zij aangeven dat de gegevens niet meer te herleiden zijn en daardoor niet verwijderd kunnen worden?")
    (claim,) = [c for c in claims if c.predicate == "herleiden"]
    assert claim.polarity == "negative" and claim.polarity_words == ("niet",)


def test_whether_clauses_are_left_open(read):
    # kamervragen-bulk, SSC validation: "Het is aan de NPO Ombudsman om te beoordelen of …"
    # claims nothing about the broadcaster; the answer leaves it open.
    (claim,) = [c for c in read("Het is aan de NPO Ombudsman om te beoordelen of Ongehoord Nederland zich aan de journalistieke code van de NPO heeft gehouden.") if c.predicate == "houden"]
    assert claim.polarity == "positive"
    assert any(q.dimension == "hedge" and q.rule == "claim:open-question" for q in claim.qualifiers)


# ---------------------------------------------------------------- double and implicit negation
def test_not_denying_is_affirming(read):
    # corrections: madlener-hermans ("niet wilde ontkennen dat het klimaat verandert")
    claims = read("Madlener zei dinsdag dat er „natuurlijk vele meningen” zijn in de discussie over klimaatverandering, al haastte hij zich ook te zeggen dat hij daarmee niet wilde ontkennen dat het klimaat verandert.")
    change = next(c for c in claims if c.predicate == "veranderen")
    assert change.polarity == "positive" and change.polarity_rule == "claim:double-negation"


def test_cannot_be_ruled_out_is_a_hedged_claim(read):
    # tweakers 187478, Dekker: "niet uit te sluiten is dat een individuele politiemedewerker …"
    claims = own(read("Dekker erkent dat het 'niet uit te sluiten is dat een individuele politiemedewerker een keer de website van Clearview heeft bezocht en een aantal bevragingen heeft gedaan'."))
    claim = claims[0]
    assert claim.polarity == "positive"
    assert any(q.dimension == "hedge" and "uit te sluiten" in q.text for q in claim.qualifiers)


def test_a_promise_withheld_leaves_the_clause_open(read):
    # ah-tk-20232024-1708: "niet garanderen dat X" and "geen garantie dat X" leave X open;
    # they neither deny X nor pass their negation on to it.
    (claim,) = own(read("Fokus kan daarmee niet garanderen dat er opeen locatie geen mannen worden ingezet."))
    assert claim.predicate == "inzetten" and claim.polarity_words == ("geen",)
    assert [(q.dimension, q.text, q.rule) for q in claim.qualifiers if q.dimension == "hedge"] == [("hedge", "niet garanderen", "claim:left-open")]
    (claim,) = own(read("Het is natuurlijk geen garantie dat iedereen precies weet wat de regels zijn."))
    assert claim.predicate == "weten" and claim.polarity == "positive"
    assert [q.text for q in claim.qualifiers if q.dimension == "hedge"] == ["geen garantie"]


def test_a_condition_after_a_hedging_verb_is_not_what_is_said(read):
    # ah-tk-20232024-204, Antwoord 4: the claim is "niet van toegevoegde waarde", hedged by
    # "lijkt"; "als het gaat om …" is its condition, not its content.
    claims = own(read("Een additioneel onderzoek lijkt op dit moment niet van toegevoegde waarde als het gaat om het inschatten van de risico’s."))
    assert claims[0].polarity == "negative" and claims[0].predicate != "gaan"
    assert any(q.dimension == "hedge" and q.text == "lijkt" for q in claims[0].qualifiers)


def test_what_an_open_question_asks_for_is_answered_not_narrowed():
    # kamervragen-bulk, SSC validation line 1049: "Wanneer …?" asks for a time; the date of
    # the answer supplies it. A place the question did not ask for is still a change.
    q = "Wanneer verwacht u de Kamer nader te informeren omtrent de besprekingen met beide buurlanden?"
    a = (
        "Voor het zomerreces zal de Minister van Sociale Zaken en Werkgelegenheid mede namens mij een brief aan uw Kamer sturen"
        " om uw Kamer te informeren over de voortgang van onze gesprekken met buurlanden en binnen de EU."
    )
    comparison = compare_texts(q, a).comparison
    assert [c.asks_for for c in comparison.a_claims] == [("time",)]
    # (whether the place is reported or only weighed depends on its rule's record)
    found = {(c.dimension, c.b_text): (c.effect, c.rule) for c in comparison.changes(include_uncertain=True)}
    assert found[("time", "Voor het zomerreces")] == ("neutral", "compare:answers-question")
    assert found[("place", "binnen de EU")][0] == "narrows"


@pytest.mark.parametrize(
    "question, asks",
    [
        # SSC validation line 1169
        ("Vanaf wanneer precies bent u persoonlijk op de hoogte van het feit dat Soumaya Sahla veroordeeld is voor het lidmaatschap van een terroristische organisatie – de Hofstadgroep – en verboden wapenbezit?", ("time",)),
        # ah-tk-20232024-1543, Vraag 7
        ("Hoe groot was het Nederlandse financiële belang in dezepijpleiding?", ("quantity",)),
        # a question word that is an adjective or a conjunction asks for nothing
        # (SSC validation line 1883; ah-tk-20232024-946, Vraag 3)
        ("Klopt het voorts dat het publiceren en verspreiden van de ontwerpen van 3D-wapens nog niet expliciet verboden is?", ()),
        ("In hoeverre en op welke wijze wordt door u op dit moment aandacht besteed aan de (humanitaire) crisissituatie in Soedan?", ()),
        # a condition inside the question (SSC validation line 1219)
        ("Zou het voor de leveringszekerheid en de gaswinning in het Groninger gasveld een belangrijk verschil maken wanneer de kunstmestproductie en de productie van raffinaderijen (tijdelijk) worden gestopt of beperkt?", ()),
    ],
)
def test_the_dimension_a_question_word_asks_for(read, question, asks):
    assert {c.asks_for for c in read(question)} == {asks}


def test_an_expectation_frame_hedges_its_clause(read):
    # SSC validation line 1456: "Het kabinet verwacht dat … het ctb in het onderwijs niet nodig is"
    (claim,) = own(read("Het kabinet verwacht dat gezien de ontwikkeling van de epidemie, de vaccinatiegraad en de relatief milde gevolgen van infecties voor jongeren het ctb in het onderwijs niet nodig is."))
    assert claim.polarity == "negative"
    assert [(q.text, q.value, q.rule) for q in claim.qualifiers if q.dimension == "hedge"] == [("verwacht", "expectation", "claim:belief-frame")]
    # ah-tk-20232024-1770, Antwoord 3: "is de verwachting dat X"
    (claim,) = own(read("Met het tempo dat is ingezet is de verwachting dat de doelstellingen gehaaldkunnen worden."))
    assert claim.predicate == "halen" and [q.text for q in claim.qualifiers if q.dimension == "hedge"] == ["verwachting"]
    # ah-tk-20232024-680, Vraag 4: "een inschatting maken van …" frames no clause
    claims = read("Klopt het dat de Israëlische krijgsmacht bij bombardementen die het uitvoert vooraf een (schriftelijke) inschatting maakt van doelwitkeuze en te verwachten nevenschade en dat na inzet een (schriftelijke) vorm van een battle damage assessment wordt opsteld?")
    assert claims[0].predicate == "inschatting" and not any(q.dimension == "hedge" for c in claims for q in c.qualifiers)


def test_clauses_coordinated_under_one_frame_are_claims_each():
    # ah-tk-20232024-403, Vraag 5: the question asks to share two opinions; the second denies.
    q = "Deelt u de mening dat het openbaar vervoer een publieke dienst is die voor iedereen toegankelijk moet zijn en dat het openbaar vervoer geen dienst is waar private bedrijven forse winsten mee kunnen behalen?"
    claims = [c for c in compare_texts(q, "Ja.").comparison.a_claims if c.stance_rule == "claim:question-frame"]
    assert [(c.predicate, c.polarity) for c in claims] == [("dienst", "positive"), ("dienst", "negative")]
    # ah-tk-20192020-2237, Vraag 6: "dat X … vinden en dat zij sommeren dat Y": the second clause
    # is not the complement of the first one's "vinden"
    q = "Bent u ervan op de hoogte dat Twitter, Facebook en Google de praktijken van Clearview onwenselijk vinden en dat zij sommeren dat Clearview geen gebruik meer maakt van hun data voor de gezichtsherkenningssoftware?"
    asked = [(c.predicate, c.polarity) for c in compare_texts(q, "Ja.").comparison.a_claims if c.stance == "asked"]
    # ("X onwenselijk vinden": the practices are not desirable, a small clause)
    assert asked[:2] == [("wenselijk", "negative"), ("sommeren", "positive")]
    # SSC validation line 1353: "…, maar dat Y", where the parse makes "dat" part of "maar"
    q = "Hoe kan het dat de Alcoholwet op het gebied van prijsacties en hoge kortingen allerlei beperkingen oplegt aan de verkoop van alcoholische dranken, maar dat online krediet daar tussendoor glipt?"
    asked = [c for c in compare_texts(q, "Ja.").comparison.a_claims if c.stance_rule == "claim:question-frame"]
    assert len(asked) == 2 and "tussendoor glipt" in asked[1].text
    # each clause has its own words: "online" is the second one's, not the first one's
    assert [[q.text for q in c.qualifiers if q.dimension == "place"] for c in asked] == [[], ["online"]]


def test_a_clause_whose_head_the_parse_lost_keeps_its_verb_and_negation(read):
    # SSC validation line 1045: the parse makes "zijn" the head and "gearresteerd" its
    # subject; the claim is "gearresteerd", denied
    (claim,) = own(read("Er zijn geen personen gearresteerd."))
    assert (claim.predicate, claim.polarity, claim.polarity_words) == ("arresteren", "negative", ("geen",))
    # ah-tk-20232024-127, Antwoord 2: the parse makes "het vaststellen" the head
    (claim,) = own(read("Het Ministerie van IenW heeft bij het vaststellen van de Regeling natuurbescherming de legalisatie van Lelystad Airport niet als voorwaarde gesteld."))
    assert (claim.predicate, claim.polarity) == ("stellen", "negative")


def test_no_reason_to_do_x_denies_x_and_keeps_a_statement(read):
    # ah-tk-20232024-1193, Antwoord 7: "geen reden … om het standpunt te herzien": not
    # revised, and no retraction of the standpoint either
    (claim,) = own(read("Dit betekent dat het kabinet geen reden heeft gezien om het Nederlandse standpunt te herzien."))
    assert (claim.predicate, claim.polarity, claim.stance) == ("herzien", "negative", "asserted")
    # ah-tk-20202021-876, Antwoord 9: "geen aanleiding om aan te nemen dat X" – X doubted
    (claim,) = own(read("Er was begin september geen aanleiding om aan te nemen dat het aantal ingekochte vaccins onvoldoende zou zijn."))
    assert claim.polarity == "negative" and any(q.dimension == "hedge" for q in claim.qualifiers)


def test_a_denied_universal_restricts_the_claim_instead_of_denying_it(read):
    # SSC validation line 1871: "kan niet alle misstanden voorkomen" – some, not none;
    # line 1409: "dat niet in alle gevallen een grotere … auto meer verbruikt"
    for text, words in [
        ("Wetgeving helpt, maar kan niet alle misstanden voorkomen.", "niet alle"),
        ("Daarnaast geldt binnen de groep van elektrische auto’s dat niet in alle gevallen een grotere en zwaardere auto meer verbruikt aangezien dit van meerdere aspecten afhankelijk is.", "niet in alle gevallen"),
    ]:
        (claim,) = [c for c in read(text) if any(q.text == words for q in c.qualifiers)]
        assert claim.polarity == "positive" and not claim.polarity_words
        assert [q.value for q in claim.qualifiers if q.text == words] == ["some"]


@pytest.mark.parametrize(
    "answer",
    [
        # declining to comment (SSC validation lines 1122 and 1736)
        "Over de concrete casus van MartiniZorg doe ik geen uitspraken.",
        "Ik kan niet spreken voor de Europese Commissie.",
        # the data that would answer is lacking (SSC validation lines 1406 and 1676)
        "Ik heb geen overzicht van buitenlandse bedrijven die over de hierboven genoemde expertises beschikken.",
        "Er zijn geen gegevens beschikbaar die specifiek betrekking hebben op fiscale studies noch over andere disciplines.",
    ],
)
def test_declining_to_comment_or_lacking_the_data_leaves_the_question_open(read, answer):
    (claim,) = own(read(answer))
    assert claim.polarity == "negative" and claim.reference == "left-open"


def test_an_answer_that_declines_to_comment_is_a_hedge_not_a_denial():
    # SSC validation line 1736: the question asks what the Commission will do
    comparison = compare_texts(
        "Wat is uw verwachting ten aanzien van de beoordeling van de plannen van het kabinet door de Europese Commissie? Zal zij de plannen goedkeuren?",
        "Ik kan niet spreken voor de Europese Commissie.",
    ).comparison
    assert comparison.verdict == "narrowed"
    assert [(c.dimension, c.kind, c.rule) for c in comparison.changes()] == [("hedge", "added", "claim:left-open")]


def test_a_judging_verb_with_an_adjective_beside_its_object_claims_a_small_clause(read):
    # SSC validation line 1339 ends "… en vind het inzetten van meer externe expertise daarom
    # op dit moment niet noodzakelijk"; in the whole sentence the parse hangs the adjective
    # on the first verb, so the clause is read here with its subject, as a sentence of its own
    (claim,) = own(read("Ik vind het inzetten van meer externe expertise daarom op dit moment niet noodzakelijk."))
    assert (claim.predicate, claim.polarity) == ("noodzakelijk", "negative")
    assert any(q.dimension == "time" and q.text == "op dit moment" for q in claim.qualifiers)


def test_a_root_that_frames_a_denied_possibility_keeps_its_clause(read):
    # SSC validation line 1862: "Het is … niet mogelijk om X te verstrekken" denies X
    claims = own(read("Het is volgens Europees rijbewijsrecht niet mogelijk om een tijdelijk, vervangend ander rijbewijs te verstrekken aan een aanvrager wiens rijbewijs in een andere lidstaat is beperkt, geschorst of ingetrokken."))
    assert ("verstrekken", "negative") in [(c.predicate, c.polarity) for c in claims]


def test_a_bare_yes_confirms_and_what_follows_is_new():
    # SSC validation line 1620
    comparison = compare_texts(
        "Bent u bekend met artikel 3.95b, lid 5 van de wet inkomenstenbelasting 2001?",
        "Ja. Deze bepaling geeft houders van een lucratief belang onder voorwaarden de mogelijkheid dat de inkomsten uit dit lucratieve belang worden belast in box 2 in plaats van in box 1.",
    ).comparison
    assert comparison.verdict == "unchanged" and not comparison.not_taken_up and not comparison.not_confirmed
    assert [cp.rule for cp in comparison.claim_pairs if cp.a is not None] == ["claim:answer-yes"]


def test_not_being_aware_of_x_leaves_x_open(read):
    # SSC validation line 1163: "Het is mij niet bekend dat X" – X hedged, not denied
    claims = own(read("Het is mij niet bekend dat er sprake van zou zijn dat energiemaatschappijen risico-inschattingen maken naar postcode."))
    assert all(c.polarity == "positive" for c in claims)
    assert any(q.dimension == "hedge" and q.text == "niet bekend" for c in claims for q in c.qualifiers)


def test_not_in_all_places_restricts(read):
    # SSC validation line 1530: "niet in alle gemeenten goed geregeld" – some, not none
    claims = read("Ik onderschrijf de conclusie van de Nationale ombudsman dat de toegang tot schuldhulpverlening aan zelfstandig ondernemers niet in alle gemeenten goed geregeld is.")
    (claim,) = [c for c in claims if any(q.text == "niet in alle" for q in c.qualifiers)]
    assert claim.polarity == "positive"


def test_implicit_negators_deny_what_they_govern(read):
    # kamervragen-bulk, Limburg kv-tk-2024Z18795, Vraag 1: "Minister Faber weigert met … te werken"
    (claim,) = own(read("Minister Faber weigert met voormalig inval-woordvoerder van burgemeester Halsema te werken."))
    assert claim.predicate == "werken" and claim.polarity == "negative" and claim.polarity_words == ("weigert",)
    # kamervragen-bulk, SSC validation line 1830: "ontbreekt … een wettelijke grondslag"
    (claim,) = own(read("Hiervoor ontbreekt bovendien een wettelijke grondslag."))
    assert claim.polarity == "negative"


def test_a_denying_prefix_denies_the_stem_and_niet_on_affirms(read):
    # kamervragen-bulk, SSC validation line 1107: "… is de oliewinning niet onbekend" (litotes)
    (claim,) = own(read("Voor mensen die in directe omgeving van de mijnbouwlocatie wonen is de oliewinning niet onbekend."))
    assert claim.predicate == "bekend" and claim.polarity == "positive"
    # ah-tk-20232024-1031: "Een exacte kwantitatieve raming van de gevolgen lijkt dus onmogelijk."
    (claim,) = own(read("Een exacte kwantitatieve raming van de gevolgen lijkt dus onmogelijk."))
    assert claim.predicate == "mogelijk" and claim.polarity == "negative" and claim.polarity_words == ("onmogelijk",)


def test_what_did_not_succeed_was_not_done(read):
    # ah-tk-20232024-1770, Antwoord 4: "niet gelukt om X" is not X
    (claim,) = own(read("Het is helaas niet gelukt om het voor15 mei te verzenden."))
    assert claim.predicate == "verzenden" and claim.polarity == "negative"


def test_there_is_no_question_of_x_denies_x(read):
    # ah-tk-20222023-3382, Antwoord 7
    (claim,) = own(read("Er is geen sprake van dat het treinverkeer in Noord-Holland en Flevoland anders wordt behandeld dan andere regio’s."))
    assert claim.predicate == "behandelen" and claim.polarity == "negative"


def test_not_found_on_inquiry_denies_with_a_hedge(read):
    # tweakers 187478, Dekker's letter as quoted: "Op navraag is niet gebleken dat …" – the
    # claim is denied, and only as far as was found.
    (claim,) = own(read("Op navraag is niet gebleken dat door medewerkers van de Nederlandse politie op of naar aanleiding hiervan gebruik is gemaakt van een testaccount."))
    assert claim.polarity == "negative"
    assert any(q.dimension == "hedge" and "gebleken" in q.text for q in claim.qualifiers)


def test_a_negated_attribute_does_not_negate_the_clause(read):
    # ah-tk-20232024-1433, Antwoord 7: "niet door mij geaccordeerde antwoorden" describes
    # the answers; the clause (they were discussed) is affirmed.
    claims = own(read("Ja, de beantwoording van betreffende Kamervragen en het per abuisversturen van niet door mij geaccordeerde antwoorden zijn tijdens hetgesprek aan de orde gekomen."))
    assert claims and all(c.polarity == "positive" for c in claims if c.predicate)


def test_a_finite_clause_beside_a_purpose_clause_is_a_claim_and_zo_niet_denies(read):
    # kamervragen-bulk, SSC validation line 1771: "… en zijn zo niet gebonden aan de WNT"
    # is a claim of its own (the parse hangs it under the "om … te" clause), and "zo niet"
    # here is "thus not", not the follow-up "Zo niet, waarom niet?".
    claims = read("Gezinshuizen kunnen ervoor kiezen om hun bedrijf onder te brengen in een vennootschap onder firma (vof), en zijn zo niet gebonden aan de WNT.")
    bound = [c for c in claims if c.predicate == "binden"]
    assert bound and bound[0].polarity == "negative"
    (follow_up,) = read("Zo niet, waarom niet?")
    assert follow_up.polarity == "positive"


# ---------------------------------------------------------------- exclusives
def test_an_added_exclusive_makes_the_claim_stronger():
    # kamervragen ah-tk-20232024-1543, Vraag 7 and Antwoord 7
    comparison = compare_texts(
        "Hoe groot was het Nederlandse financiële belang in dezepijpleiding?",
        "Staatsdeelneming Gasunie heeft als aandeel-houder uitsluitend een belang van 9% in Nord Stream 1.",
    ).comparison
    # (its direction, whether or not its rule's record has it reported)
    exclusive = [c for c in comparison.changes(include_uncertain=True) if c.dimension == "quantity" and c.b_text == "uitsluitend"]
    assert [(c.kind, c.effect) for c in exclusive] == [("added", "broadens")]


def test_an_exclusive_replaced_by_a_non_exclusive_narrows(read):
    # the qualifiers of two real sentences: ah-tk-20232024-1280 ("houdt alleen gegevens bij")
    # and ah-tk-20232024-1031 ("Hierin zijn onder andere een aantal acties … opgenomen")
    only = read("De Arbeidsinspectie houdt alleen gegevens bij over organisaties en personen die noodzakelijk zijn voor de uitoefening van haar taken.")
    among = read("Hierin zijn onder andere een aantal acties om het inzicht in de ontwikkelingen van het ondernemingsklimaat te verdiepen opgenomen.")
    a = [q for c in only for q in c.qualifiers if q.value == "exclusive"]
    b = [q for c in among for q in c.qualifiers if q.value == "non-exclusive"]
    assert a and b
    lexicon = get_parser().nlp.get_pipe("scope_qualifiers").lexicon
    assert direction("quantity", a, b, lexicon, LexicalRelations()) == ("narrows", "compare:value-order")
    assert direction("quantity", b, a, lexicon, LexicalRelations()) == ("broadens", "compare:value-order")


def test_a_bound_on_an_amount_does_not_deny_the_claim(read):
    # kamervragen-bulk, SSC validation record 1135: "niet meer dan acht uur" bounds the hours
    # that can be claimed; it does not say that none can be
    claims = read("Om welke reden stelt het UWV dat schrijftolken niet meer dan acht uur per dag kunnen declareren als er sprake is van extra tolkvoorzieningen buiten de standaard uren in het buitenland?")
    claim = next(c for c in claims if c.predicate == "declareren")
    assert claim.polarity == "positive" and not claim.polarity_words
    assert any(q.dimension == "quantity" and q.text == "niet meer dan" for c in claims for q in c.qualifiers)


def test_amounts_are_compared_by_size(read):
    # kamervragen-bulk, SSC validation records 1464 and 1465 (ctb's that expired and will
    # expire), 1632 (shares of 112 calls) and 1508 (farm labour in full-time jobs)
    def amounts(text):
        return [q for c in read(text) for q in c.qualifiers if q.dimension == "quantity" and q.value == "amount"]

    lexicon = get_parser().nlp.get_pipe("scope_qualifiers").lexicon
    expired = amounts("Op 8 februari jl. zijn naar schatting circa 95.000 mensen hun ctb op basis van herstel verloren door de inkorting van de geldigheidsduur van het herstelbewijs naar 180 dagen.")
    expiring = amounts("Op 1 april zal bij naar schatting van nog eens circa 255.000 mensen hun ctb op basis van de basisvaccinatiereeks verlopen als gevolg van de inkorting van de geldigheidsduur als zij geen boostprik gaan halen.")
    assert [q.text for q in expired] == ["95.000 mensen"] and [q.text for q in expiring] == ["255.000 mensen"]
    assert [amount(q, lexicon) for q in (*expired, *expiring)] == [(95000.0, "mensen"), (255000.0, "mensen")]
    assert direction("quantity", expired, expiring, lexicon, LexicalRelations()) == ("broadens", "compare:amount")
    assert direction("quantity", expiring, expired, lexicon, LexicalRelations()) == ("narrows", "compare:amount")
    assert not same_qualifier(expired[0], expiring[0])
    (sixty,) = amounts("Daarvan is ongeveer 60 procent doorverbonden naar de regionale meldkamers in het kader van noodhulp.")
    (forty,) = amounts("Dit komt neer op ongeveer 40 procent.")
    assert amount(sixty, lexicon) == (60.0, "procent") and direction("quantity", [sixty], [forty], lexicon, LexicalRelations())[0] == "narrows"
    (jobs,) = amounts("Het CBS artikel waar naar verwezen wordt, geeft aan dat de hoeveelheid arbeid die in 2019 is ingezet in de landbouw te vergelijken is met de inzet van ruim 156 duizend voltijdbanen (vte).")
    assert amount(jobs, lexicon) == (156000.0, "voltijdbanen")


def test_a_lower_bound_says_more_than_an_upper_one(read):
    # kamervragen-bulk, SSC validation records 1493 ("meer dan 5 miljoen euro") and 1885
    # ("minder dan 50 jaar"): the bounds are qualifiers of their own, ranked by the lexicon
    def bounds(text):
        return [q for c in read(text) for q in c.qualifiers if q.value in ("at-least", "at-most")]

    more = bounds("Sinds 2019 is de politie aangesloten op het stelsel van het Adviescollege ICT-toetsing voor projecten met een ICT-component van meer dan 5 miljoen euro.")
    less = bounds("Is men minder dan 50 jaar verzekerd geweest, dan heeft men geen recht op volledige AOW.")
    assert [q.text for q in more] == ["meer dan"] and [q.text for q in less] == ["minder dan"]
    lexicon = get_parser().nlp.get_pipe("scope_qualifiers").lexicon
    assert direction("quantity", more, less, lexicon, LexicalRelations()) == ("narrows", "compare:value-order")


def test_not_possible_denies_what_it_governs(read):
    # kamervragen-bulk, SSC validation record 1895: "niet mogelijk" is "cannot", not "perhaps"
    (claim,) = own(read("Het is bijvoorbeeld niet mogelijk om een opgelegde dwangsom te vergoeden."))
    assert claim.predicate == "vergoeden" and claim.polarity == "negative" and claim.polarity_words == ("niet",)


def test_rejecting_the_suggestions_of_the_questions_reverses_them():
    # kamervragen-bulk, SSC validation record 1549
    comparison = compare_texts(
        "Heeft u er begrip voor dat mensen dit een walgelijke vergelijking vinden, omdat mensen zonder rijbewijs niet worden uitgesloten van het sociaal-maatschappelijk leven en mensen zonder QR-bewijs wel?",
        "Ik verwerp expliciet elke suggestie die gedaan wordt in deze vragen en wijs de indiener op het onnodig grievende karakter van dergelijke suggesties.",
    ).comparison
    assert comparison.verdict == "reversed"
    assert [(c.rule, c.b_text) for c in polarity_changes(comparison)] == [("claim:rejection", "verwerp")]


# ---------------------------------------------------------------- claims with no counterpart
def test_an_answer_that_takes_up_no_question_is_a_finding():
    # kamervragen-bulk, SSC validation line 1400
    comparison = compare_texts(
        "Is de Minister bekend met de berichten over de moord op een trans vrouw, de 40-jarige Briza, in Wassenaar op 1 januari 2022? Kan zij deze berichten bevestigen of ontkennen?",
        "Het strafrechtelijk onderzoek is nog gaande, om deze reden kan ik mij niet uitspreken over deze zaak.",
    ).comparison
    assert comparison.not_taken_up and comparison.verdict == "narrowed"
    assert any(cp.relation == "dropped" for cp in comparison.claim_pairs)


def test_an_answer_that_neither_confirms_nor_restates_the_claim_asserts_less():
    # kamervragen-bulk, SSC validation record 1785: asked to acknowledge a financial interest,
    # the answer reports on research into something else and says no yes
    comparison = compare_texts(
        "Erkent u dat WerkSaam en de gemeenten en gerelateerde (Sociale Werkvoorziening (SW-))bedrijven een financieel belang hebben om bijstandsgerechtigden te laten werken zonder loon?",
        "Deze motie riep het kabinet op om te onderzoeken in hoeverre sociaal ontwikkelbedrijven dan wel gemeentelijke re-integratiebedrijven financieel afhankelijk zijn van productiewerk in re-integratietrajecten (Kamerstuk 35 644, nr. 5). Zoals uw Kamer is gemeld is het onderzoek in handen gelegd van onderzoeksbureau Berenschot.",
    ).comparison
    assert comparison.not_confirmed and not comparison.not_taken_up
    assert comparison.verdict == "narrowed"
    # kamervragen-bulk, SSC validation record 1520: a plain "Ja." confirms
    confirmed = compare_texts("Bent u bekend met het bericht «Wachttijd rijexamen naar 20 weken, CBR overweegt «paardenmiddel» ophogen examenleeftijd»?", "Ja.").comparison
    assert not confirmed.not_confirmed and confirmed.verdict == "unchanged"


def test_the_answer_formulas_that_confirm_or_reject_what_is_asked():
    # kamervragen-bulk, SSC validation records 1864 ("Dat klopt.") and 1323 ("Dit beeld herken
    # ik niet."): the answer points at what the question said and endorses or rejects it
    yes = compare_texts(
        "Is het juist dat de Begeleidingscommissie Digitale Ondersteuning Bestrijding Covid-19 (Begeleidingscommissie), waarin zo’n vijftien deelnemers zitten met kennis van onder meer epidemiologie, virologie, technologie, privacy en veiligheid, het Ministerie van VWS adviseert over de digitale ondersteuning bij de bestrijding van het coronavirus?",
        "Dat klopt.",
    ).comparison
    assert yes.verdict == "unchanged" and not yes.not_confirmed
    assert [cp.rule for cp in yes.claim_pairs if cp.a is not None and cp.b is not None] == ["claim:endorsement"]
    no = compare_texts(
        "Klopt het dat het niveau van de dienstverlening op het Nederlandse spoor de laatste jaren is verslechterd en reizigers hierdoor te maken krijgen met extra reistijd, extra wachttijd en volle treinen?",
        "Dit beeld herken ik niet.",
    ).comparison
    assert no.verdict == "reversed"
    assert [c.rule for c in polarity_changes(no)] == ["claim:rejection"]


def test_a_claim_of_its_own_with_a_pointing_word_is_no_judgement(read):
    # kamervragen-bulk, SSC validation record 1776: "Hiervoor" points back, but the clause
    # says what is needed; it does not endorse or reject what was asked
    (claim,) = own(read("Hiervoor is een goedgekeurd winningsplan nodig."))
    assert claim.reference is None


def test_declining_a_request_reverses_it_and_not_confirming_leaves_it_open():
    # kamervragen-bulk, SSC validation record 1314: "Nee. Daar zie ik geen aanleiding toe."
    request = "Bent u bereid een extern onderzoek soortgelijk aan het Proximities-onderzoek in te stellen naar Israëlische bedrijven en overheidsinstanties waar de Nederlandse overheid relaties mee onderhoudt, zoals bijvoorbeeld Elbit, Cyber Intelligence Ltd, NSO, COGAT, en hun vermeende betrokkenheid bij in Israël en Palestina gepleegde oorlogsmisdaden zoals apartheid[5], plundering[6 ]"
    declined = compare_texts(request, "Daar zie ik geen aanleiding toe.").comparison
    assert declined.verdict == "reversed" and [c.rule for c in polarity_changes(declined)] == ["claim:rejection"]
    # with "Nee." before it, the request is denied once
    twice = compare_texts(request, "Nee. Daar zie ik geen aanleiding toe.").comparison
    assert twice.verdict == "reversed" and len(polarity_changes(twice)) == 1
    # SSC validation record 1690: "Dat kan ik niet bevestigen." leaves the claim open
    unconfirmed = compare_texts(
        "Kunt u bevestigen dat flexibiliteit in de volgordelijkheid van IPM-maatregelen het hele effect van IPM onderuit haalt?",
        "Dat kan ik niet bevestigen. Zie het antwoord op vraag 10 en 11.",
    ).comparison
    assert not polarity_changes(unconfirmed) and unconfirmed.verdict == "narrowed"
    assert [(c.dimension, c.kind, c.rule, c.b_text) for c in unconfirmed.changes()] == [("hedge", "added", "claim:left-open", "niet bevestigen")]


def test_a_claim_dropped_from_a_later_version_is_reported():
    # tweakers 187478 (Dekker, 28 Sept 2021) against security.nl 733949's summary of it:
    # the "centraal benaderd" claim is taken up, the claim about a relationship is not.
    comparison = compare_texts(
        "De politie is niet centraal benaderd door Clearview, niet op de hoogte van contacten met dat bedrijf, en met dat bedrijf geen relatie aangegaan om daarvan producten af te nemen",
        "Dekker liet op Kamervragen weten dat de politie niet met Clearview werkt en dit ook niet van plan is.",
    ).comparison
    relations = {cp.relation for cp in comparison.claim_pairs}
    assert "matched" in relations and ("dropped" in relations or "new" in relations)


def test_an_answer_that_refers_elsewhere_does_not_evade_the_question():
    # kamervragen-bulk, SSC validation lines 1260 and 1749
    for question, answer in (
        ("Wie krijgt straks al deze voertuigdata en wat gaat daarmee gebeuren?", "Zie antwoord op vraag 3."),
        (
            "Herinnert u zich dat uw ambtsvoorganger toezegde een verkenning te laten uitvoeren naar de mogelijkheid om camerabeelden uit slachthuizen eigendom te laten worden van de overheid en ze te laten beoordelen door een onafhankelijk toezichthouder? Wat is hiervan de uitkomst?",
            "Ik verwijs uw Kamer voor deze toezegging naar de brief over slachthuizen die ik op 22 april jl. aan uw Kamer heb gestuurd (Kamerstuk 28 286, nr. 1237).",
        ),
    ):
        comparison = compare_texts(question, answer).comparison
        assert not comparison.not_taken_up and comparison.verdict == "unchanged"
        assert any(c.reference == "referral" for c in comparison.b_claims)


def test_a_phrase_noun_carries_the_claim_of_its_verb(read):
    # kamervragen-bulk validation.jsonl lines 1435 and 1199: "in overleg treden" and "in
    # gesprek zijn" are claims about talks; an existential verb whose subject the parse
    # read as its object still passes the claim to it ("een bestuurlijk overleg plaatsgevonden")
    (asked,) = [c for c in read("Bent u bereid binnen een week met de visserijorganisaties in overleg te treden om een oplossing te vinden en deze vragen dan ook binnen een week te beantwoorden?") if c.predicate == "overleg"]
    assert asked.stance == "asked"
    held = read("Op 23 en 30 augustus 2022 heeft een bestuurlijk overleg plaatsgevonden waarin mijn ambtsvoorganger met de sector heeft gesproken over de zorgen die zij ervaren.")
    assert held[0].predicate == "overleg"
    talks = read("Ik ben voortdurend met zorgverzekeraars – als ook met veel andere partijen, zowel in als buiten de zorg – in gesprek over allerlei facetten van preventie.")
    assert talks[0].predicate == "gesprek"
    # validation.jsonl lines 1363 and 1251: with "zijn" the talks are the claim; with
    # another verb the phrase only says how it is done
    assert read("Hierover is Rijkswaterstaat in gesprek met de gemeente.")[0].predicate == "gesprek"
    assert read("Deze adviesaanvraag wordt gedaan in overleg met alle betrokken departementen in de Interdepartementale commissie voor Europees recht (ICER-I).")[0].predicate == "doen"


def test_an_open_question_is_reversed_only_by_denying_what_it_takes_for_granted():
    # kamervragen-bulk validation.jsonl line 1014: "Welke consequenties …?" takes
    # consequences for granted, "geen consequenties" denies them
    denied = compare_texts(
        "Welke consequenties verbindt u aan uw antwoorden voor het beleid ten aanzien van zulke studenten als beschreven in het artikel?",
        "De antwoorden hebben geen consequenties voor het geldende beleid.",
    ).comparison
    assert denied.claim_pairs[0].a.open_question
    assert any(c.effect == "reverses" for c in denied.changes()) and denied.verdict == "reversed"
    # line 1614: a "niet" about something else does not answer "Hoe reageert u …?" with no
    talked_about = compare_texts(
        "Hoe reageert u op het oordeel van de Inspectie Gezondheidszorg en Jeugd dat u en het Centraal Orgaan opvang asielzoekers (COA) «al het nodige» moeten doen om de omstandigheden te verbeteren voor mensen in het aanmeldcentrum?[1 ] Wat is er nog nodig om de omstandigheden te verbeteren?",
        "Ik betreur ten zeerste dat de asielopvang, en dan met name specifiek de situatie bij én rondom het aanmeldcentrum in Ter Apel, momenteel niet wordt gerealiseerd op de wijze zoals dit in Nederland jarenlang gebruikelijk is geweest.",
    ).comparison
    assert not any(c.effect == "reverses" for c in talked_about.changes(include_uncertain=True))


def test_no_evidence_of_x_denies_x_as_far_as_known(read):
    # ah-tk-20232024-387, Antwoord 4 en 5: "geen aanwijzingen dat X" is X denied, with the
    # lack of evidence as its hedge (lexicon pattern hedge.no_evidence), not a claim about
    # "aanwijzingen"
    (claim,) = read("Het kabinet heeft momenteel geen aanwijzingen dat Azerbeidzjan plannen heeft om een doorgang te forceren naar de exclave Nachitsjevan.")
    assert claim.predicate == "forceren" and claim.polarity == "negative"
    assert [(q.dimension, q.text, q.value) for q in claim.qualifiers if q.dimension == "hedge"] == [("hedge", "geen aanwijzingen", "not-found-on-inquiry")]
    # who lacks the evidence is not who acts in X
    assert not any(q.dimension == "actor" for q in claim.qualifiers)


def test_not_possible_to_do_x_denies_x(read):
    # kamervragen-bulk validation.jsonl line 1539 (line break as a space): "niet goed mogelijk
    # om X" denies X ("goed" does not make it "zo goed mogelijk")
    (claim,) = read("Het is echter niet goed mogelijk om op basis van de cijfers verantwoorde conclusies te trekken.")
    assert (claim.predicate, claim.polarity) == ("trekken", "negative")


def test_a_pointing_word_in_an_embedded_question_restricts_nothing(read):
    # kamervragen-bulk validation.jsonl line 1103: "welk label dit betreft" asks which label;
    # it does not say after the fact what an earlier statement concerned
    claims = read("Voor het WWS wordt gekeken of er een geldig energielabel is geregistreerd in EP-online (de energielabeldatabase) en welk label dit betreft.")
    assert not any(c.stance == "restricted" for c in claims)


def test_a_decision_not_yet_taken_leaves_the_question_open():
    # kamervragen-bulk validation.jsonl line 1752: "nog geen besluit genomen" neither
    # confirms nor denies the ten years the question speaks of
    comparison = compare_texts(
        "Wat vindt u ervan dat het waterschap Zuiderzeeland ruim tien jaar de tijd neemt om de paaltjes te vervangen?",
        "Het waterschap heeft hierover nog geen besluit genomen. Er zijn vervangingsscenario’s uitgewerkt, rekening houdend met alle consequenties en risico’s. Eind 2022 vindt hierover besluitvorming plaats door het waterschap.",
    ).comparison
    assert any(c.reference == "left-open" and c.polarity == "negative" for c in comparison.b_claims)
    assert not any(c.effect == "reverses" for c in comparison.changes(include_uncertain=True))
    assert comparison.verdict == "narrowed"


def test_regret_about_how_it_was_said_retracts_nothing():
    # corrections/dijsselbloem-drank-en-vrouwen-2017: regret about the manner, the message kept
    comparison = compare_texts(
        "„Ik kan niet al mijn geld aan drank en vrouwen uitgeven en vervolgens om uw hulp vragen”, zei hij.",
        "\"Ik heb spijt van de manier waarop ik bepaalde zaken gezegd heb\", zegt Dijsselbloem.",
    ).comparison
    assert not any(p.relation == "retracted" for p in comparison.claim_pairs)
    assert comparison.verdict != "reversed"
