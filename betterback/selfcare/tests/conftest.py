"""Fixtures the self-management tests share; the plan itself is in plans.py."""

import pytest

from betterback.selfcare.tests.plans import PLAN, save_plan


@pytest.fixture
def peter_plan(cast):
    """Peter's PLAN, saved by Lise."""
    save_plan(cast.peter_patient, cast.lise)
    return PLAN
