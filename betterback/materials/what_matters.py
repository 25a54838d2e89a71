"""Rules for the material "What matters to me": pure functions on its saved data.

Saved data looks like::

    {"life_areas": ["family", "leisure"],
     "activities": [{"key": "a1b2c3d4", "text": "Walk the dog", "area": "leisure",
                     "stopped_by_pain": true, "rank": 1}]}
"""

MATERIAL_ID = "what-matters"


def empty() -> dict:
    return {"life_areas": [], "activities": []}


def activities(data: dict) -> list[dict]:
    return list(data.get("activities") or [])


def ranked(data: dict) -> list[dict]:
    """The activities the person ranked, most important first."""
    return sorted((a for a in activities(data) if a.get("rank")), key=lambda a: a["rank"])


def unranked(data: dict) -> list[dict]:
    return [a for a in activities(data) if not a.get("rank")]


def stopped_by_pain(data: dict) -> list[dict]:
    return [a for a in activities(data) if a.get("stopped_by_pain")]


def is_empty(data: dict) -> bool:
    return not data.get("life_areas") and not activities(data)
