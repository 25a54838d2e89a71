"""Peter's and Maja's whole records (records.py), for the rights tests."""

import pytest

from betterback.rights.tests.records import build


@pytest.fixture
def records(cast):
    """{"peter": Record, "maja": Record}: both records, each made with their own clinician."""
    return {
        "peter": build(cast.peter_patient, cast.lise, "Peter"),
        "maja": build(cast.maja_patient, cast.karim, "Maja"),
    }
