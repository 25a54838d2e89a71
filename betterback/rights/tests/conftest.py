"""Peter's and Maja's whole records (records.py), for the rights tests."""

import pytest

from betterback.rights.tests.records import build


def both_records(cast):
    return {
        "peter": build(cast.peter_patient, cast.lise, "Peter"),
        "maja": build(cast.maja_patient, cast.karim, "Maja"),
    }


@pytest.fixture
def records(cast):
    """{"peter": Record, "maja": Record}: both records, each made with their own clinician."""
    return both_records(cast)


@pytest.fixture(scope="module")
def module_records(module_db, module_cast):
    """Both records, built once for a module whose every test reads them (module_db in
    betterback/conftest.py)."""
    with module_db():
        return both_records(module_cast)
