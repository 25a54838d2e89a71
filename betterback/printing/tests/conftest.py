import pytest

from betterback.demo.services import PETER_PLAN, peter_data
from betterback.materials.models import Context
from betterback.materials.services import save_entry


@pytest.fixture
def peters_plan(cast):
    """Peter's answers as in the demo: "What matters to me" and the four materials of his plan,
    saved by Lise in a consultation."""
    for material_id, data in {"what-matters": peter_data(), **PETER_PLAN}.items():
        save_entry(
            patient=cast.peter_patient,
            material_id=material_id,
            data=data,
            based_on_version=0,
            actor=cast.lise,
            source="test",
            context=Context.CONSULTATION,
        )
    return cast.peter_patient
