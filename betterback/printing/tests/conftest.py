import pytest

from betterback.materials.models import Context
from betterback.testing.factories import give_peter_the_demo_plan


@pytest.fixture
def peters_plan(cast):
    """Peter's answers as in the demo: "What matters to me" and the four materials of his plan,
    saved by Lise in a consultation."""
    give_peter_the_demo_plan(cast, context=Context.CONSULTATION)
    return cast.peter_patient
