"""The library pages: who may open them, what they show in each language, search, and the audit
trail."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from betterback.audit.models import Action, AuditEvent
from betterback.learn.library import patient_materials

LIBRARY = reverse("learn:library")
UNDERSTANDING = reverse("learn:material", args=["understanding-pain"])
ALARM_SENTENCE = (
    "Tænk på en røgalarm: Den hyler lige højt, om huset brænder, "
    "eller om du bare har brændt en skive toast på."
)


def text_of(response) -> str:
    """The page as a person reads it: without tags, entities or runs of white space."""
    body = re.sub(r"<[^>]+>", "", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(body))


def headings_of(response) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])\b", response.content.decode())]


def in_english(user):
    user.language = "en"
    user.save(update_fields=["language"])
    return user


def translated(language: str, message: str) -> str:
    with translation.override(language):
        return gettext(message)


def assert_headings_in_order(response):
    levels = headings_of(response)
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


@pytest.mark.parametrize(
    ("language", "heading", "title", "summary"),
    [
        (
            "da",
            "Lær om rygsmerter",
            "Forstå rygsmerter",
            "Smerte er kroppens alarm, ikke en måler for skade.",
        ),
        (
            "en",
            "Learn about back pain",
            "Understanding back pain",
            "Pain is the body's alarm, not a damage meter.",
        ),
    ],
)
def test_a_patient_sees_the_library_in_their_language(
    cast, client_for, language, heading, title, summary
):
    user = in_english(cast.peter) if language == "en" else cast.peter

    response = client_for(user).get(LIBRARY)

    assert response.status_code == 200
    body, text = response.content.decode(), text_of(response)
    assert f'<html lang="{language}">' in body
    assert title in text and summary in text
    with translation.override(language):
        for material in patient_materials():
            assert str(material.title) in text
            assert str(material.summary) in text
            for section in material.sections:
                assert str(section.heading) in text
    assert f"<h1>{heading}</h1>" in body
    assert f'<a href="{UNDERSTANDING}#section-alarm">' in body
    assert_headings_in_order(response)


def test_the_search_form_has_a_label(cast, client_for):
    body = client_for(cast.peter).get(LIBRARY).content.decode()

    assert '<label class="form-label" for="learn-q">' in body
    assert 'id="learn-q" name="q"' in body
    assert 'role="search"' in body


@pytest.mark.parametrize(
    ("language", "title", "intro", "heading"),
    [
        (
            "da",
            "Forstå rygsmerter",
            "Her får du en enkel forklaring på, hvordan smerte virker.",
            "Smerte er en alarm, ikke en skademåler",
        ),
        (
            "en",
            "Understanding back pain",
            "Here is a simple explanation of how pain works.",
            "Pain is an alarm, not a damage meter",
        ),
    ],
)
def test_a_patient_reads_a_material_in_their_language(
    cast, client_for, language, title, intro, heading
):
    user = in_english(cast.peter) if language == "en" else cast.peter

    response = client_for(user).get(UNDERSTANDING)

    assert response.status_code == 200
    body, text = response.content.decode(), text_of(response)
    assert f'<html lang="{language}">' in body
    assert f'<h1 id="learn-title">{title}</h1>' in body
    assert intro in text
    assert f'<h2 id="section-alarm">{html.escape(heading)}</h2>' in body
    assert "Kjaer P, Kongsted A, Ris I" in text  # the sources
    assert translated(language, "Sources") in text
    assert_headings_in_order(response)


@pytest.mark.parametrize(
    ("language", "read", "stop"), [("da", "Læs op", "Stop"), ("en", "Read aloud", "Stop")]
)
def test_the_read_aloud_button_is_hidden_has_text_and_its_labels_come_from_the_server(
    cast, client_for, language, read, stop
):
    user = in_english(cast.peter) if language == "en" else cast.peter

    body = client_for(user).get(UNDERSTANDING).content.decode()

    [button] = re.findall(r"<button[^>]*data-read-aloud[^>]*>[^<]*</button>", body)
    assert " hidden" in button
    assert 'data-read-aloud="learn-article"' in button
    assert f'data-label-read="{read}"' in button and f'data-label-stop="{stop}"' in button
    assert button.endswith(f">{read}</button>")
    assert '<article id="learn-article"' in body
    assert '<script src="/static/learn/js/read-aloud.js" defer></script>' in body


@pytest.mark.parametrize("material", [m.id for m in patient_materials()])
def test_every_material_of_the_pack_opens(cast, client_for, material):
    response = client_for(cast.maja).get(reverse("learn:material", args=[material]))

    assert response.status_code == 200
    assert_headings_in_order(response)


@pytest.mark.parametrize("query", ["røgalarm toast", "ROGALARM", "hyler huset"])
def test_search_finds_a_known_sentence(cast, client_for, query):
    response = client_for(cast.peter).get(LIBRARY, {"q": query})

    assert response.status_code == 200
    text = text_of(response)
    assert ALARM_SENTENCE in text
    assert "Smerte er en alarm, ikke en skademåler" in text
    assert len(response.context["hits"]) == 1
    assert f'href="{UNDERSTANDING}#section-alarm"' in response.content.decode()
    assert response.context["query"] == query
    assert_headings_in_order(response)


def test_search_marks_the_words_and_escapes_the_query(cast, client_for):
    response = client_for(cast.peter).get(LIBRARY, {"q": "rogalarm <script>"})

    body = response.content.decode()
    assert response.context["hits"] == []
    assert "<script>" not in body.split("</head>", 1)[1]
    assert 'value="rogalarm &lt;script&gt;"' in body

    marked = client_for(cast.peter).get(LIBRARY, {"q": "rogalarm"}).content.decode()
    assert "Tænk på en <mark>røgalarm</mark>: Den hyler" in marked


def test_search_in_english_searches_the_english_texts(cast, client_for):
    client = client_for(in_english(cast.peter))

    found = client.get(LIBRARY, {"q": "smoke alarm"})
    danish = client.get(LIBRARY, {"q": "røgalarm"})

    assert "Think of a smoke alarm" in text_of(found)
    assert danish.context["hits"] == []


def test_a_search_without_hits_says_so_and_an_empty_one_shows_the_library(cast, client_for):
    client = client_for(cast.peter)

    nothing = client.get(LIBRARY, {"q": "xyzzy"})
    empty = client.get(LIBRARY, {"q": "   "})

    no_hits = (
        "No part of the texts contains all the words you searched for. Try fewer words, or other "
        "words."
    )
    assert translated("da", no_hits) in text_of(nothing)
    assert translated("da", "All materials") not in text_of(nothing)
    assert empty.context["query"] == ""
    assert translated("da", "All materials") in text_of(empty)


def test_an_unknown_material_is_not_found(cast, client_for):
    response = client_for(cast.peter).get(reverse("learn:material", args=["no-such-material"]))

    assert response.status_code == 404


@pytest.mark.parametrize("who", ["lise", "karim", "anne"])
@pytest.mark.parametrize("url", [LIBRARY, UNDERSTANDING])
def test_clinicians_and_administrators_are_refused(cast, client_for, who, url):
    user = getattr(cast, who)

    response = client_for(user).get(url)

    assert response.status_code == 403
    event = AuditEvent.objects.get(action=Action.REFUSED)
    assert (event.actor, event.target) == (user, url)
    assert not AuditEvent.objects.filter(action=Action.READ, target="learn").exists()


@pytest.mark.parametrize("url", [LIBRARY, UNDERSTANDING])
def test_anonymous_visitors_are_sent_to_the_login(client_for, cast, url):
    response = client_for(None).get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={url}"


def test_reading_the_library_is_recorded(cast, client_for):
    client = client_for(cast.peter)

    client.get(LIBRARY, {"q": "søvn"})
    client.get(UNDERSTANDING)

    events = list(AuditEvent.objects.filter(action=Action.READ).order_by("id"))
    assert [(e.actor, e.patient, e.target, e.source) for e in events] == [
        (cast.peter, cast.peter_patient, "learn", "view:learn:library"),
        (cast.peter, cast.peter_patient, "learn", "view:learn:material"),
    ]
    assert events[0].detail == {}  # what the patient searched for is not kept
    assert events[1].detail == {"material": "understanding-pain"}


def test_the_pages_answer_only_get(cast, client_for):
    assert client_for(cast.peter).post(LIBRARY).status_code == 405
