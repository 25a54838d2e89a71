import pytest

from betterback.testing.plans import peter_data, save_plan


@pytest.fixture
def peter_plan(cast):
    """Peter's plan, saved by Lise."""
    save_plan(cast.peter_patient, cast.lise)
    return peter_data()
