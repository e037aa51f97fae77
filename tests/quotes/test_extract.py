"""Tests for newsfold.quotes.extract: quotations with speakers, cues and media."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfold.quotes import Quote, extract_quotes

RAW = Path(__file__).resolve().parents[2] / "raw"


def _speakers(nlp, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(q.text, q.speaker_text, q.speaker_name, q.speaker_method) for q in extract_quotes(nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # speaker after the quotation, straight / curly / angle marks
        ('"We will win this race," Jane Smith said.', [("We will win this race,", "Jane Smith", "Jane Smith", "name")]),
        ("“We will win this race,” Jane Smith said.", [("We will win this race,", "Jane Smith", "Jane Smith", "name")]),
        ("« We will win this race », said Jane Smith.", [("We will win this race", "Jane Smith", "Jane Smith", "name")]),
        # speaker before the quotation
        ("Jane Smith said: “We will win this race.”", [("We will win this race.", "Jane Smith", "Jane Smith", "name")]),
        # title, resolved to the person introduced with it
        (
            "Foreign Minister Javad Zarif arrived on Monday. “We will not negotiate under pressure,” the minister said.",
            [("We will not negotiate under pressure,", "the minister", "Javad Zarif", "title")],
        ),
        # a source without a name is a description with no name: never a guess
        ("“The talks have failed completely,” officials said.", [("The talks have failed completely,", "officials", None, "description")]),
        # no cue, no speaker
        ("“These attacks were carried out by militias”", [("These attacks were carried out by militias", None, None, None)]),
        # fewer than four words: a scare quote, not a quotation
        ("He called it a “total disaster” on Monday.", []),
    ],
)
def test_extract_speaker_before_after_title(nlp, text, expected) -> None:
    assert _speakers(nlp, text) == expected


def test_extract_quote_split_by_he_said_keeps_speaker(nlp) -> None:
    text = "“Our embassy got hit by rockets today,” Donald Trump wrote. “Guess where they were from: Iran.”"
    quotes = extract_quotes(nlp(text))
    assert [q.text for q in quotes] == ["Our embassy got hit by rockets today,", "Guess where they were from: Iran."]
    assert [q.speaker_name for q in quotes] == ["Donald Trump", "Donald Trump"]


def test_extract_quote_across_paragraphs(nlp) -> None:
    text = "Jane Smith said: “We will win this race.\n\n“And then we will win the next one.”\nThe end."
    (quote,) = extract_quotes(nlp(text))
    assert quote.text == "We will win this race.\n\n“And then we will win the next one."
    assert quote.speaker_name == "Jane Smith"


@pytest.mark.parametrize(
    ("text", "pronoun", "expected"),
    [
        # "he" goes to the last named male speaker, skipping a woman in between
        (
            "“We will build it now,” Donald Trump said. “We want a fair deal for all,” Hillary Clinton said. "
            "He added, “Nobody builds walls better than me.”",
            "He",
            "Donald Trump",
        ),
        (
            "“We will build it now,” Donald Trump said. “We want a fair deal for all,” Hillary Clinton said. "
            "She added, “Nobody fights harder than me.”",
            "She",
            "Hillary Clinton",
        ),
        # surname only: expanded to the full name used earlier
        ("Donald Trump spoke on Friday. “We will build the wall,” Trump said. He added, “It will be beautiful, believe me.”", "He", "Donald Trump"),
    ],
)
def test_extract_pronoun_resolves_to_last_compatible_speaker(nlp, text, pronoun, expected) -> None:
    quote = extract_quotes(nlp(text))[-1]
    assert (quote.speaker_text, quote.speaker_method, quote.speaker_name) == (pronoun, "pronoun", expected)
    assert text[quote.speaker_name_start : quote.speaker_name_end] in expected


def test_extract_stray_mark_keeps_other_quotes(nlp) -> None:
    text = "He called it “a disaster. Later “We will win this race,” Jane Smith said. And \" then."
    quotes = extract_quotes(nlp(text))
    assert [(q.text, q.speaker_name) for q in quotes] == [("We will win this race,", "Jane Smith")]


def test_extract_tweet_embed(nlp) -> None:
    text = (
        "The embassy posted on Sunday.\n"
        "The Embassy confirms rockets targeting the zone. There was minor damage. 1/\n"
        "— U.S. Embassy Baghdad (@USEmbBaghdad) December 20, 2020\n"
    )
    (quote,) = extract_quotes(nlp(text))
    assert quote.text == "The Embassy confirms rockets targeting the zone. There was minor damage."
    assert (quote.speaker_name, quote.speaker_label, quote.speaker_method, quote.medium) == (
        "U.S. Embassy Baghdad", "ORG", "embed", "tweet",
    )
    assert text[quote.speaker_start : quote.speaker_end] == "U.S. Embassy Baghdad"


def test_extract_unmarked_first_person_speech(nlp) -> None:
    text = "Donald Trump tweeted that rockets were fired at our embassy. Guess where from. If an American were killed, I would blame Iran for it.\n\nOther news."
    (quote,) = extract_quotes(nlp(text))
    assert quote.text == "rockets were fired at our embassy. Guess where from. If an American were killed, I would blame Iran for it."
    assert (quote.speaker_name, quote.cue, quote.medium) == ("Donald Trump", "tweeted", "tweet")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("“We will win this race and the next one,” Smith said.", "direct"),
        ("Smith said the vote was “rigged from the very start” by the party.", "partial"),
        ("Smith tweeted that our embassy was hit and I will respond to it.", "unmarked"),
    ],
)
def test_extract_sets_kind(nlp, text: str, kind: str) -> None:
    assert [q.kind for q in extract_quotes(nlp(text))] == [kind]


def test_extract_reported_speech_without_first_person_is_not_a_quote(nlp) -> None:
    assert extract_quotes(nlp("The minister said that the talks had failed and the army would respond.")) == []


def _seed(name: str) -> str:
    text = next(RAW.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    return text.split("\n", 2)[2] if text.startswith("date ") else text  # the reader strips seed 2's header


def test_extract_seed_1(nlp) -> None:
    quotes = extract_quotes(nlp(_seed("000")))
    assert [(q.text[:20], q.speaker_text, q.speaker_name, q.speaker_method, q.medium) for q in quotes] == [
        ("Our embassy in Baghd", "Trump", "Donald Trump", "name", "tweet"),
        ("Guess where they wer", "Trump", "Donald Trump", "name", "tweet"),
        ("Some friendly health", "He", "Donald Trump", "pronoun", "tweet"),
        ("The U.S. Embassy con", "U.S. Embassy Baghdad", "U.S. Embassy Baghdad", "embed", "tweet"),
    ]
    assert quotes[0].url == "https://twitter.com/realDonaldTrump/status/1341862955604975617"
    assert [q.cue for q in quotes] == ["wrote", "wrote", "added", "embed"]
    assert [q.kind for q in quotes] == ["direct", "direct", "direct", "embed"]


def test_extract_seed_2(nlp) -> None:
    quotes = extract_quotes(nlp(_seed("002")))
    assert quotes[0].speaker_name == "Donald Trump" and quotes[0].text.endswith("I would blame Iran for it.")
    assert quotes[1].text == "These attacks were carried out by militias supported by Iran"
    assert quotes[1].speaker_text is None and quotes[1].speaker_name is None
    assert [q.kind for q in quotes] == ["unmarked", "direct"]  # the translated tweet lost its marks


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(list('ab Cd.,:\n"“”«»\'') + ["said ", " he ", "Trump ", "(@x) ", "— "]), max_size=40).map("".join))
def test_extract_never_raises_and_offsets_hold(nlp, text: str) -> None:
    doc = nlp(text)
    for quote in extract_quotes(doc):
        assert isinstance(quote, Quote)
        assert doc.text[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None:
            assert doc.text[quote.speaker_start : quote.speaker_end] == quote.speaker_text


# Speakers that the parse placed in the wrong words (tuned on PolNeAR train, issue 10).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the subject the parse gave "said" lies in the previous quotation: never the next one's speaker
        ("“Try Dayton. Or Akron,”\u00a0Okoro said.\u00a0“The jobs figures are better.”", ["Okoro", "Okoro"]),
        ("''It opens counties we never carry: Lorain, Summit, Stark, Mahoning, Trumbull,'' Mr. Harlan said. "
         "''I'm surprised the count went this well, I admit it.''", ["Harlan", "Harlan"]),
        # the place in "Democrat of Ohio" describes the speaker named before it
        ("''You read the room well tonight, Governor,'' Representative Tom Baxter, Democrat of Ohio, told Mr. Lund as he "
         "walked by.", ["Tom Baxter"]),
        # a name in the frame that is the speaker stays the speaker
        ("“We will keep fighting for these families,” said Ana Ruiz of Ohio.", ["Ana Ruiz"]),
    ],
)
def test_extract_speakers_outside_neighbouring_quotes(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# Speakers found outside the cue frame, and the look-alikes that must stay unattributed
# (issue 10, second round; each valid row was read off a PolNeAR train error).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the parse ran the sentence over the quotation and gave "said" two subjects: the nearest, in its paragraph
        ("To that, Schilling added: “A man is a man no matter what they call themselves. Pathetic.”\n\n"
         "“ESPN is an inclusive company,” ESPN said in a statement.", ["Schilling", "ESPN"]),
        # a transcript turn: a verbless label before ":" that names someone
        ("Clinton: “Our goal is not to deter ISIS but to defeat it.” Bush: “The mission is to destroy ISIS, not contain "
         "it.”", ["Clinton", "Bush"]),
        ("Polls shifted late - Jeffrey M. Jones: “Gallup’s analysis finds that twenty states lean Republican.”",
         ["Jeffrey M. Jones"]),
        ("Rep. Trey Gowdy (R-S.C.): “Who told you that ninety percent of your emails were in the system?”", ["Trey Gowdy"]),
        # ... and a label naming nobody, or only a place after a preposition, gives no speaker
        ("Update: “The results came in very late tonight.”", [None]),
        ("In Iowa: “The caucus results came in very late tonight.”", [None]),
        # a clause ending in ":" without a cue: its main verb's subject
        ("Clinton has since apologized for what happened: “Yes, I should have used two email addresses.”", ["Clinton"]),
        ("Mitt Romney, the 2012 Republican presidential nominee, tweeted in response: “Important distinction: thug Putin "
         "kills journalists.”", ["Mitt Romney"]),
        # signed in the paragraph below, after a dash; a dash paragraph naming nobody signs nothing
        ("“I will look into it, and I will release the transcripts.”\n\n- Hillary Clinton.\n\nShe has not released them.",
         ["Hillary Clinton"]),
        ("“I will look into it, and I will release the transcripts.”\n\n- exchange during a hearing before the committee.",
         [None]),
        # a quote-only paragraph after reported speech: the cue ending the paragraph before, never a cue in the
        # clause it reports; a paragraph before without a cue gives nothing
        ("Trump was asked about the wall and said that the plan was firm.\n\n“Building it? Not negotiable at all.”",
         ["Trump"]),
        ("Carter said that for decades some critics had been predicting a withdrawal.\n\n“That will not happen, because "
         "this region matters.”", ["Carter"]),
        ("Officials counted the votes all night.\n\n“A win in California would change everything.”", [None]),
        # a quote-only paragraph attributed at the end of the next one; not over a paragraph in between
        ("“Not only can Cruz win in November, he is the best.”\n\n“He may be the only one who can unite us,” Viguerie "
         "notes.", ["Viguerie", "Viguerie"]),
        ("“Not only can Cruz win in November, he is the best.”\n\nThe crowd cheered loudly.\n\n“He may be the only one "
         "who can unite us,” Viguerie notes.", [None, "Viguerie"]),
        # a title in marks inside the attribution sentence does not break the run; another sentence in between does
        ("“With your help, we will come back to Philadelphia,” Mrs. Clinton told a crowd after she took the stage to "
         "“Eye of the Tiger.” “And we will unify our party to win.”", ["Clinton", "Clinton", "Clinton"]),
        ("Mrs. Clinton said on “The Late Show With Stephen Colbert” that jobs mattered. The host was not impressed at "
         "all. “Nobody did it better than he did.”", ["Clinton", None]),
        # inverted order: the person at the end of the title words, without the party word
        ("“They are spending their final days attacking her,” said Oversight ranking Democrat Elijah Cummings (D-Md.).",
         ["Elijah Cummings"]),
        # a cue the tagger read as a noun right after the quotation; a real noun ("his boast") is not a cue
        ("“You seem to have picked a new standard out of thin air,” the two write.", ["the two"]),
        ("“Today, the kingdom is one of the leading nations in fighting terror,” the Saudis state in the white paper.",
         ["Saudis"]),
        ("He feels “the looming presence of Barbara Bush,” his boast-averse mother.", ["He"]),
        # "put it" is a cue, and "As X put it" names X; "as a result" names nobody
        ("As Professor Foner put it: “The United States does a better job at accepting immigrants.”", ["Foner"]),
        ("As Akhil Amar, professor of law at Yale, put it, “Senate Republicans should remember the odds.”", ["Akhil Amar"]),
        ("As a result, the party said “it will lose the election in November.”", ["the party"]),
    ],
)
def test_extract_speakers_beyond_the_frame(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# A quotation with no frame of its own in the same sentence as the previous one, whose cue comes
# before both, shares its speaker; a sentence ending between them stops it (issue 10, third round).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Rep. Elijah Cummings, chair of the committee, said that it was “fully committed to an open process” and "
         "“open to every viewpoint being expressed.”", ["Elijah Cummings", "Elijah Cummings"]),
        ('Michael Green, a professor of history, said places such as Iowa "have more of a historical resonance," while '
         '"Nevada is more of a newcomer."', ["Michael Green", "Michael Green"]),
        ("Dan Okoro said on Monday, in a speech to “the friends of the farm museum here,” that “the campaign will win "
         "the state.”", ["Dan Okoro", "Dan Okoro"]),
        # ... not after the sentence ended
        ("Dan Okoro said the campaign would “do daily requests for the voter lists” early. Then came, quite "
         "unexpectedly, “a landslide in the whole state this year.”", ["Dan Okoro", None]),
    ],
)
def test_extract_speakers_same_sentence(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# A participle describing a text its subject put out speaks for that subject ("issued a statement
# saying"); a text someone cited is not theirs, and a participle in the sentence before does not
# frame the quotation (issue 10, third round).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Trump and Ryan issued a statement describing their meeting as a “very positive step toward unification and "
         "peace.”", ["Trump"]),
        ("Hours later, she issued a statement calling on the United States “to redouble our efforts to defend our "
         "country.”", ["she"]),
        ('After the attacks, Trump released a new radio ad calling it "dangerous" that Obama "has no strategy to defeat '
         'ISIS."', ["Trump"]),
        # ... not a report someone cited, nor a participle in the sentence before
        ("Gowdy cited a report saying that “less than one percent of all the emails” were captured.", [None]),
        ("On Saturday, his campaign sent out an email stressing the impact of his bid. “Our revolution has forced her "
         "to change her mind,” read the email.", ["the email"]),
    ],
)
def test_extract_speakers_issued_text(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# A cue after a quoted opener too short to be a quotation (under four words) is inverted all the
# same: the name after it speaks; a subject before the cue still wins (issue 10, third round).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ('"The risk," said Edward Leamer, an economist who is the director of the UCLA Anderson Forecast, "is that '
         'we\'re going to be attracting workers and repelling jobs."', ["Edward Leamer"]),
        ('"Debate recap," tweeted Rubio spokesman Alex Conant. "Clinton: \'I come from the 60s, a long time ago.\' '
         "Marco: 'This election is about the future.'\"", ["Alex Conant"]),
        # ... a subject before the cue, or words before the opener, keep the usual reading
        ("“Frankly,” she told Jane Smith, “we will win this race by a mile.”", ["she"]),
        ("Asked about the “risk,” Smith said he would “win this race by a mile.”", ["Smith"]),
    ],
)
def test_extract_speakers_after_short_opener(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# A cue inside what another cue of the frame reports yields to that one, unless the quotation is
# what the inner cue's own subject said; a cue merely conjoined with another, or "according to",
# keeps its place (issue 10, third round).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("McConnell says that the American people are seeking a leader to counter terrorist threats, but instead Obama "
         "is giving them “lectures, distractions, and attempts to undermine their rights.”", ["McConnell"]),
        ("Cruz said he's certain Rubio will continue to be “a champion for limitless opportunity in America.”",
         ["Cruz"]),
        # ... not nested speech, a cue conjoined with another, or "according to"
        ("Trump said Clinton told the crowd “we will raise taxes on everyone next year.”", ["Clinton"]),
        ("At one point, a woman asked for a photo and Clinton said, “as long as we're not violating any election laws.”",
         ["Clinton"]),
        ("“I ask you as a personal courtesy to me not to engage in any kind of protest,” Sanders said, according to CNN.",
         ["Sanders"]),
    ],
)
def test_extract_speakers_embedded_cue(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# The parse hung the speaker after the quotation elsewhere (issue 10, fourth round): each valid
# row gave no speaker before; the look-alike beside it keeps its own reading.
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a surname tagged as a modal verb, right after the closing mark
        ("“The nominating process is not a job fair,” Will wrote.", ["Will"]),
        ("“We should call an early election this autumn,” May said.", ["May"]),
        ("Will the nominating process survive? “Nobody can tell for now,” he wrote.", ["he"]),
        # a noun phrase alone between the quotation and a cue parsed as its reduced relative clause
        ("“Why would anyone rent a covered wagon?” the 43-year-old asked in the video's description.", ["the 43-year-old"]),
        ("“Why would anyone rent a covered wagon?” she asked the 43-year-old in the video.", ["she"]),
        # inverted order: the noun right after the cue, parsed as the subject of a later verb
        ("“Some customers came in and shouted at us all week,” said the woman, who like many in the village did not "
         "want to be quoted by name because of the tension.", ["the woman"]),
        ("“Some customers came in and shouted at us all week,” said the clerk, who like most people on the street did "
         "not want to be named because of the risk.", ["the clerk"]),
        ("“Some customers came in and shouted at us all week,” the owners said in a note that workers taped to the "
         "door.", ["the owners"]),
    ],
)
def test_extract_speakers_misparsed_after_the_quote(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# A trailing "adding" or "explaining" the parse hung inside the clause a cue reports goes on with
# the reporter's words; a participle of another verb there stays the clause's (issue 10, fourth round).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Trump told reporters that Romney “had a crazy policy that was maniacal,” adding, “He lost all of the Latino "
         "vote.”", ["Trump", "Trump"]),
        ("Witnesses told reporters that the man “ran from the store very fast,” shouting, “Nobody will stop me now.”",
         ["the man", "the man"]),
        ("Trump said Romney had a crazy policy. Romney disagreed, adding, “It worked very well in Ohio.”", ["Romney"]),
    ],
)
def test_extract_speakers_going_on_after_a_report(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# The main verb that ends the words right before the opening mark introduces the quotation, when the
# frame has no cue or only one in a clause of its own (issue 10, fourth round); a verb in a clause of
# its own is no such verb.
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("When Trump suggested that Cuba would sue, Rubio fired back forcefully: “If they sue us in Miami, they are "
         "going to lose.”", ["Rubio"]),
        ("But as The Hill pointed out, “Still, the candidate has so far declined to release any tax returns.”",
         ["Hill"]),
        ("As the band sang back in the 1980s, “They will turn us all into beggars because we are easier to please.”",
         [None]),
        ("When Trump suggested that Cuba would sue, Rubio said: “If they sue us in Miami, they are going to lose.”",
         ["Rubio"]),
    ],
)
def test_extract_speakers_main_verb_before_the_quote(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# A cue in a sentence that ended before the quotation (the parse ran it over the quotation) comes
# after the quotation's own attribution; not when the quotation ends its own sentence, whose next
# sentence speaks of something else, and still when there is nothing else (issue 10, fourth round).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("“What I love is that we are like a bridge,” Franken said. “Well, you were for him and I am for her, so we are "
         "like a bridge over…” he said, not finishing.", ["Franken", "he"]),
        ("Kevin McCarthy revealed this last fall when he boasted about the inquiry. “Everybody thought she was "
         "unbeatable, right?” he told Fox News.", ["he"]),
        ("“She has two chances to set expectations,” said Megan Greene, an economist. “And the members keep tripping "
         "over themselves.” Greene added that the Fed wants out.", ["Megan Greene", "Megan Greene"]),
        ("“They worry,” Carson said. “There is no question about it at all.”", ["Carson"]),
    ],
)
def test_extract_speakers_cue_in_an_earlier_sentence(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# A comma inside an inner quotation that closes with the quotation still ends it with a comma:
# the attribution after it comes first, as after a plain comma (issue 10, fourth round).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("When asked, the senator said “all he would tell my husband was ‘I am very busy,’” she said.", ["she"]),
        ("When asked, the senator said “all he would tell my husband was ‘I am very busy.’” She said nothing else.",
         ["the senator"]),
    ],
)
def test_extract_speakers_comma_inside_inner_quotation(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# A digest's "headline - who: “...”": the label after the dash speaks, not the headline's verb; without
# the dash the clause's own cue does (issue 10, fourth round).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one: keep on polling.”",
         ["Carl Bialik"]),
        ("But polls did predict the Democratic race - HuffPollster: “While the caucuses were an upset, most polls were "
         "right.”", ["HuffPollster"]),
        ("Pollsters agree on one thing: “One of the biggest lessons was a simple one: keep on polling.”", ["Pollsters"]),
        ("Pollsters agree - and Carl Bialik said: “One of the biggest lessons was a simple one: keep on polling.”",
         ["Carl Bialik"]),
    ],
)
def test_extract_speakers_digest_label_after_a_dash(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# More cue verbs: opine, affirm (issue 10, fourth round); a noun of the same stem is no cue.
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Editorial pages across the country warned that the sky was falling. \"Gun owners should leave their weapons "
         "at home,\" opined the Plain Dealer.", ["the Plain Dealer"]),
        ("Article 33 affirms: “No contracting state shall expel or return a refugee.”", ["Article"]),
        ("In his opinion, “gun owners should leave their weapons at home.”", [None]),
    ],
)
def test_extract_speakers_more_cue_verbs(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# Words between quote marks never name the speaker, even in a quotation too short to count as one;
# a subject outside the marks still does (issue 10, fourth round).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("\"Meh,\" wrote a Trump supporter who runs a fan account. \"What does Ford know about it anyway?\"",
         ["a Trump supporter"]),
        ("\"Meh,\" wrote Sandra Ortiz, who runs a fan account. \"What does Ford know about it anyway?\"",
         ["Sandra Ortiz"]),
        ("The “Today” host asked: “What does Ford know about it anyway?”", ["host"]),
    ],
)
def test_extract_speakers_never_quoted_words(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# A sentence that opens with its cue puts the speaker after it ("Continued Stone:"), even when the
# parse runs the sentence before over it; a cue word modifying a common noun is no such opening:
# the sentence's own cue speaks, and with none the colon clause's subject stays what it was
# before the rule (the rule must not read "pressure" as the one who continued).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("The machines are easy to rig. Continued Stone: “So I think it is a very real problem for all of us.”",
         ["Stone"]),
        ("Asked about the wall, Trump said: “So I think it is a very real problem for all of us.”", ["Trump"]),
        ("Continued pressure from donors was growing, Smith said: “So I think it is a very real problem for all of "
         "us.”", ["Smith"]),
        ("Continued pressure forced the board to act: “So I think it is a very real problem for all of us.”",
         ["Continued pressure"]),
    ],
)
def test_extract_speakers_sentence_opening_with_its_cue(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# "read" says what a text reads, also when the tagger takes it for a noun after the quotation
# (issue 10, fourth round); someone reading from notes is still the speaker.
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("“Friend, let me be blunt. I can beat her. Donald can't,” the email read.", ["the email"]),
        ("“If she wants to be president, she should act like one,” the editorial read.", ["the editorial"]),
        ("“We owe the voters an apology for this,” she read from her notes.", ["she"]),
    ],
)
def test_extract_speakers_a_text_reads(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# "X issued a statement, “...”": the text put out right before the quotation speaks for who put it
# out; a statement someone merely ignored names nobody (issue 10, fourth round).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Immediately after the attacks, Trump issued a statement, “Last night, our nation was attacked by a "
         "terrorist.”", ["Trump"]),
        ("Immediately after the attacks, Trump ignored the advisers' statement, “Last night, our nation was attacked "
         "by a terrorist.”", [None]),
    ],
)
def test_extract_speakers_statement_put_out_before_the_quote(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# A cue in the passive with "by": the agent speaks, not the one spoken to; a passive participle
# beside the sentence's own cue leaves that cue's subject alone (issue 10, fourth round).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Sanders was asked by host Bill Maher, who backs him, “Now, you said the story had moved, has it not?”",
         ["Bill Maher"]),
        ("Rubio was asked by moderator Gerard Baker: “Do you think the tax plan is fair to workers?”", ["Gerard Baker"]),
        ("Rubio, asked about taxes by a voter in the front row, said: “I think the tax plan is fair to workers.”",
         ["Rubio"]),
    ],
)
def test_extract_speakers_passive_cue_with_agent(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# The name that opens its clause before an aside set off by commas is the speaker, not a name inside
# the aside; a name inside a longer subject stays out (issue 10, fourth round).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("“Very good reporter, very good reporter,” Trump, the frontrunner in South Carolina after winning the New "
         "Hampshire primary, said.", ["Trump"]),
        ("Clinton, exasperated, famously responded: “What difference does it make at this point?”", ["Clinton"]),
        ("“We were wrong not to confront him from the start,” Ramos, 58, told AFP.", ["Ramos"]),
        ("“We were wrong not to confront him from the start,” the aide to Senator Jones, visibly tired, said.",
         ["the aide"]),
    ],
)
def test_extract_speakers_name_before_an_aside(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# A verbless label naming the text a quotation is taken from ("From the report:") gives that text as a
# description; a text after another preposition ("In the report:") names nobody (issue 10, fourth round).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("From the report: “In general, samples with more weighting did better than the rest.”", ["the report"]),
        ("More from the letter: “We will not accept any delay in the count of the votes.”", ["the letter"]),
        ("In the report: “In general, samples with more weighting did better than the rest.”", [None]),
    ],
)
def test_extract_speakers_label_naming_a_text(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# A sentence that is only a participle cue ("Adding, “...”") goes on with the cue of the sentence
# before it; not when that sentence has no cue, nor when the participle has a subject of its own.
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Later in the show, Maher said of the scandal that the report “was bad.” Adding, “Now, like with all of "
         "these scandals, it does not work that way.”", ["Maher"]),
        ("Later in the show, the report on the scandal was long and dull. Adding, “Now, like with all of these "
         "scandals, it does not work that way.”", [None]),
        ("Maher said the report was bad. Adding to the pressure, Trump said: “Now, like with all of these scandals, it "
         "does not work that way.”", ["Trump"]),
    ],
)
def test_extract_speakers_participle_fragment(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# The cue that ends the words right before the colon introduces the quotation, even in a relative or
# adverbial clause; a non-cue verb there leaves the sentence's own cue in charge (issue 10, fourth round).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("She said that experts had found her plans strong and effective, to which O'Malley interjected: “It is just "
         "not true at all.”", ["O'Malley"]),
        ("She said that experts had found her plans strong and effective, and listed them: “Jobs, wages and fair "
         "taxes for all.”", ["She"]),
    ],
)
def test_extract_speakers_cue_right_before_the_colon(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# A pronoun speaker never stands for a name inside the quotation it attributes; a person named outside
# the marks stays a candidate (issue 10, fifth round).
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Senator Dianne Feinstein spoke on Tuesday. “I don't know anything about Jake Sullivan and the emails,” she "
         "said.", ["Dianne Feinstein"]),
        ("Donald Trump spoke in Iowa. “Look what Angela Merkel has done in Germany,” he said.", ["Donald Trump"]),
        ("Senator Dianne Feinstein met Kim Walsh on Tuesday. “I don't know anything about the emails at all,” she said.",
         ["Kim Walsh"]),
    ],
)
def test_extract_pronoun_never_resolves_into_the_quotation(nlp, text, names) -> None:
    assert [q.speaker_name for q in extract_quotes(nlp(text))] == names


# A participle the parse hangs on the recipients of a text put out ("blasted out an email to supporters
# stating") still describes the text, which speaks for who put it out; not after a verb that puts out no
# text, and not for a noun hung on the object itself ("an email about supporters") (issue 10, fifth round).
_RYAN = "Clinton’s team was all too happy to seize on Ryan’s comments. Her campaign quickly {} stating, “Speaker Paul " \
    "Ryan Joins Growing List of Conservatives Rebuking Trump as He Captures GOP Nomination.”"


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (_RYAN.format("blasted out an email to supporters"), ["Her campaign"]),
        (_RYAN.format("pointed a camera to supporters"), [None]),
        (_RYAN.format("blasted out an email about supporters"), [None]),
    ],
)
def test_extract_speakers_text_put_out_to_recipients(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# A verbless "<text> as follows:" ending the paragraph before a block quotation names that text as a
# description; a clause with a verb of its own keeps its cue, and a verbless clause without "as follows"
# names nobody (issue 10, fifth round).
_KASICH = "Kasich spoke in Cleveland.\n\n{}\n\n\"Tonight we arrived in Cleveland, and we went to a restaurant.\""


@pytest.mark.parametrize(
    ("intro", "speaker"),
    [
        ("Transcript as follows:", ("Transcript", "description")),
        ("Partial transcript as follows:", ("Partial transcript", "description")),
        ("Kasich answered as follows:", ("Kasich", "name")),
        ("The full statement is as follows:", ("The full statement", "description")),
        ("The events as they unfolded:", (None, None)),
    ],
)
def test_extract_speakers_text_as_follows(nlp, intro, speaker) -> None:
    assert [(q.speaker_text, q.speaker_method) for q in extract_quotes(nlp(_KASICH.format(intro)))] == [speaker]


# The sentence before a quotation opened by an ASCII '' mark ends in the text, so its cue comes after the
# quotation's own ("''...,' '' she said" is hers, not the earlier "Ms. Sherry said"'s mention); with the
# earlier sentence's cue alone, it still attributes the quotation (issue 10, fifth round).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Ms. Sherry said she wanted to be realistic. ''I hate the term 'Manhattan poor,' '' she said, but added "
         "that they were comfortable.", ["she"]),
        ("Ms. Sherry said she wanted to be realistic. ''I hate the term 'Manhattan poor' and always will.''",
         ["Sherry"]),
    ],
)
def test_extract_speakers_after_a_two_character_opening_mark(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# A clause with no cue that leads in with a colon and whose main verb has a subject names the speaker
# before a cue further on after the quotation does; not when the speaker and a cue follow the closing
# mark directly, nor when the parse hung the clause's verb on the quotation (issue 10, fifth round).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Clinton’s response was: “Is Dalton Brody off Conn or Wisconsin?” Dalton Brody is a gifts store in "
         "Washington, according to its website.", ["Clinton’s response"]),
        ("Clinton’s response was: “Is Dalton Brody off Conn or Wisconsin?” her aide asked.", ["her aide"]),
        ("The crowd grew quiet: “Is Dalton Brody off Conn or Wisconsin?” Dalton Brody is a store in Washington, "
         "according to its website.", ["its website"]),
    ],
)
def test_extract_speakers_colon_clause_before_a_later_cue(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# A participle cue the parse joined to the finite verb of a reported clause ("saying that the bill had
# ... - and arguing that “...”") goes on with the reporting participle, whose speaker it takes; a
# participle joined to another participle ("was fleeing and shouting") is left to the other rules,
# which give the sentence's own cue here (issue 10, fifth round).
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Rubio pushed back on those claims Thursday, saying that the bill had the correct security components but "
         "was waylaid by voter mistrust - and arguing that he and Cruz shared “almost all the same views on "
         "immigration.”", ["Rubio"]),
        ("Republicans were quick to chime in, with Donald Trump tweeting that it was a “disaster” for Clinton and "
         "asking, “How can someone with such bad judgement be our next president?”", ["Donald Trump"]),
        ("Police said that the suspect was fleeing the scene and shouting “I will not go back to prison again.”",
         ["Police"]),
    ],
)
def test_extract_speakers_participle_joined_inside_a_report(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers


# A quote-only paragraph after a sentence saying that someone put a text out ("issued a statement") is that
# text, spoken for by who put it out; not after a verb that puts nothing out, nor after an issuing verb in a
# relative clause (issue 10, fifth round).
_APOLOGY = "\n\n“On behalf of everyone at the party, we want to offer a deep and sincere apology.”"


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("At Brazile’s direction, the DNC issued a statement apologizing to Sanders for the emails." + _APOLOGY,
         ["DNC"]),
        ("At Brazile’s direction, the DNC received a letter apologizing to Sanders for the emails." + _APOLOGY, [None]),
        ("Sanders studied the statement that the DNC issued on Monday about the emails." + _APOLOGY, [None]),
    ],
)
def test_extract_speakers_text_put_out_in_the_paragraph_before(nlp, text, speakers) -> None:
    assert [q.speaker_text for q in extract_quotes(nlp(text))] == speakers
