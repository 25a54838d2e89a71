"""A Response as a QuestionnaireResponse: the answers given, as the Questionnaire of the same
instrument, variant and language asks them.

Items left unanswered are left out. A code no longer in this version's options keeps the scale's
code system without a display. The activity a PSFS patient names sits under the answer of its
rating (answer.item), as FHIR nests the children of a question; an activity named but never rated
is left out with its rating.
"""

from betterback.exchange.fhir.common import drop_none, reference
from betterback.exchange.fhir.questionnaire import questionnaire
from betterback.questionnaires.definitions import Instrument


def questionnaire_response(response, instrument: Instrument, language: str = "da") -> dict:
    form = questionnaire(instrument, language, response.variant)
    result = {
        "resourceType": "QuestionnaireResponse",
        "id": str(response.public_id),
        "questionnaire": f"{form['url']}|{response.instrument_version or instrument.version}",
        "status": "completed" if response.submitted_at else "in-progress",
        "subject": reference("Patient", response.patient.public_id),
    }
    if response.submitted_at:
        result["authored"] = response.submitted_at.isoformat()
    result["item"] = []
    for question in form["item"]:
        value = response.answers.get(question["linkId"])
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        answer = _answer(question, value)
        note = response.notes.get(question["linkId"])
        if note and "item" in question:
            child = question["item"][0]
            named = {"linkId": child["linkId"], "text": child["text"]}
            answer["item"] = [{**named, "answer": [{"valueString": note}]}]
        item = {"linkId": question["linkId"], "text": question["text"], "answer": [answer]}
        result["item"].append(item)
    return drop_none(result)


def _answer(question: dict, value) -> dict:
    if question["type"] == "text":
        return {"valueString": str(value)}
    options = [option["valueCoding"] for option in question["answerOption"]]
    known = next((c for c in options if c["code"] == str(value)), None)
    return {"valueCoding": known or {"system": options[0]["system"], "code": str(value)}}
