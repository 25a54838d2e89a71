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


def changes(before: dict, after: dict) -> list[dict]:
    """What one save changed, as a list of ``{"kind": ..., ...}`` items for the history.

    Activities are matched by their key, so a renamed activity reads as renamed, not as one
    removed and one added.
    """
    found = []
    old_areas, new_areas = set(before.get("life_areas") or []), set(after.get("life_areas") or [])
    found += [{"kind": "area_added", "area": a} for a in sorted(new_areas - old_areas)]
    found += [{"kind": "area_removed", "area": a} for a in sorted(old_areas - new_areas)]
    old = {a["key"]: a for a in activities(before)}
    new = {a["key"]: a for a in activities(after)}
    for key, activity in new.items():
        if key not in old:
            found.append({"kind": "added", "text": activity["text"]})
            continue
        previous = old[key]
        if previous["text"] != activity["text"]:
            found.append({"kind": "renamed", "old": previous["text"], "text": activity["text"]})
        if previous.get("rank") != activity.get("rank"):
            found.append({"kind": "ranked", "text": activity["text"], "rank": activity.get("rank")})
        if bool(previous.get("stopped_by_pain")) != bool(activity.get("stopped_by_pain")):
            found.append(
                {
                    "kind": "pain_stops" if activity.get("stopped_by_pain") else "pain_allows",
                    "text": activity["text"],
                }
            )
        if (previous.get("area") or "") != (activity.get("area") or ""):
            found.append({"kind": "area_of", "text": activity["text"], "area": activity["area"]})
    found += [{"kind": "removed", "text": a["text"]} for k, a in old.items() if k not in new]
    return found


def history_with_changes(revisions: list) -> list[dict]:
    """Pairs each revision (newest first) with what it changed compared with the one before.

    The last revision in the list is compared with an empty sheet only if it is the first one
    ever; otherwise it is the extra, older revision fetched for comparison and is not shown.
    """
    shown = []
    for index, revision in enumerate(revisions):
        older = revisions[index + 1] if index + 1 < len(revisions) else None
        if older is None and revision.version != 1:
            break
        shown.append(
            {
                "revision": revision,
                "changes": changes(older.data if older else empty(), revision.data),
            }
        )
    return shown
