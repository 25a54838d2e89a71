"""Unsaved responses for the questionnaire mapping tests, with the fixed ids and time their golden
files hold (questionnaire-response-startback.json, observations-startback.json)."""

import uuid
from datetime import UTC, datetime

from betterback.patients.models import Patient
from betterback.questionnaires import scoring
from betterback.questionnaires.definitions import instruments
from betterback.questionnaires.models import Response

RESPONSE_ID = uuid.UUID("00000000-0000-0000-0000-000000000001")
PATIENT_ID = uuid.UUID("00000000-0000-0000-0000-000000000002")
SUBMITTED = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)
STARTBACK = {"1": 1, "2": 0, "3": 1, "4": 1, "5": 1, "6": 1, "7": 0, "8": 1, "9": 3}


def make_response(instrument_id, answers, *, variant="", notes=None, submitted=True) -> Response:
    """A response as services.save_answers leaves it (scored once it is sent), never saved."""
    response = Response(
        public_id=RESPONSE_ID,
        patient=Patient(public_id=PATIENT_ID, full_name="Test Patient"),
        instrument_id=instrument_id,
        instrument_version=instruments()[instrument_id].version,
        variant=variant,
        answers=answers,
        notes=notes or {},
        submitted_at=SUBMITTED if submitted else None,
    )
    if submitted and instrument_id in scoring.INSTRUMENTS:
        result = scoring.score(instrument_id, answers)
        response.total = result.total
        response.subscales = {k: v for k, v in result.subscales.items() if v is not None}
        response.band = result.band or ""
    return response
