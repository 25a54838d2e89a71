"""What the library holds: the content pack's materials that are written for patients.

The pack has no separate list of key messages; the sections' headings are the messages each
material explains, so the library shows those and adds no clinical text of its own.
"""

from collections.abc import Iterable

from betterback.content.model import Material
from betterback.content.pack import pack


def patient_materials(materials: Iterable[Material] | None = None) -> list[Material]:
    """The patient-facing materials, in the pack's order (by number)."""
    chosen = pack().values() if materials is None else materials
    return sorted((m for m in chosen if "patient" in m.audience), key=lambda m: m.number)


def patient_material(material_id: str) -> Material:
    """One patient-facing material; KeyError if there is none by that id."""
    for candidate in patient_materials():
        if candidate.id == material_id:
            return candidate
    raise KeyError(material_id)
