"""A small content pack with one field of every type, for the tests of the form builder and of
the display of saved answers. Loaded by the real loader, so it is a valid pack."""

import pytest

from betterback.testing.factories import small_pack


def _options(*ids: str) -> str:
    return (
        "["
        + ", ".join(
            f'{{ id = "{i}", label = {{ da = "{i.title()} (da)", en = "{i.title()}" }} }}'
            for i in ids
        )
        + "]"
    )


# "sheet": every top-level field type, a list with every item field type, and clinician-only
# fields (a top-level one, an item field, a whole list).
SHEET = f"""
[[fields]]
id = "name"
type = "text"
max_length = 10
label = {{ da = "Navn", en = "Name" }}
help = {{ da = "Hvad du kaldes.", en = "What you are called." }}

[[fields]]
id = "notes"
type = "textarea"
max_length = 20
label = {{ da = "Noter", en = "Notes" }}

[[fields]]
id = "mood"
type = "single_choice"
label = {{ da = "Humør", en = "Mood" }}
options = {_options("calm", "tense")}

[[fields]]
id = "areas"
type = "multiple_choice"
max = 2
label = {{ da = "Områder", en = "Areas" }}
options = {_options("work", "home", "rest")}

[[fields]]
id = "agreed"
type = "checklist"
label = {{ da = "Aftalt", en = "Agreed" }}
options = {_options("plan", "exercise", "sleep")}

[[fields]]
id = "pain"
type = "scale"
min = 1
max = 5
label = {{ da = "Smerte", en = "Pain" }}
min_label = {{ da = "Lidt", en = "A little" }}
max_label = {{ da = "Meget", en = "A lot" }}

[[fields]]
id = "seen_on"
type = "date"
label = {{ da = "Set den", en = "Seen on" }}

[[fields]]
id = "cards"
type = "ranked_cards"
rank = 2
label = {{ da = "Kort", en = "Cards" }}
options = {_options("walk", "swim", "bike")}

[[fields]]
id = "where"
type = "body_chart"
label = {{ da = "Hvor", en = "Where" }}
options = {_options("neck", "lower_back")}

[[fields]]
id = "main_item"
type = "link"
links_to = "sheet/items"
label = {{ da = "Vigtigst", en = "Most important" }}

[[fields]]
id = "staff_note"
type = "textarea"
clinician_only = true
label = {{ da = "Behandlerens note", en = "Clinician's note" }}

[[fields]]
id = "items"
type = "list"
max_items = 3
label = {{ da = "Ting", en = "Things" }}

[[fields.item_fields]]
id = "text"
type = "text"
max_length = 15
label = {{ da = "Ting", en = "Thing" }}

[[fields.item_fields]]
id = "area"
type = "single_choice"
options_from = "areas"
label = {{ da = "Område", en = "Area" }}

[[fields.item_fields]]
id = "done"
type = "checkbox"
label = {{ da = "Gjort", en = "Done" }}

[[fields.item_fields]]
id = "rank"
type = "rank"
max = 2
label = {{ da = "Plads", en = "Place" }}

[[fields.item_fields]]
id = "score"
type = "scale"
min = 0
max = 3
label = {{ da = "Point", en = "Score" }}

[[fields.item_fields]]
id = "due"
type = "date"
label = {{ da = "Senest", en = "Due" }}

[[fields.item_fields]]
id = "serves"
type = "link"
links_to = "sheet/items"
multiple = true
label = {{ da = "Tjener", en = "Serves" }}

[[fields.item_fields]]
id = "approved"
type = "checkbox"
clinician_only = true
label = {{ da = "Godkendt", en = "Approved" }}

[[fields]]
id = "orders"
type = "list"
max_items = 2
clinician_only = true
label = {{ da = "Ordinationer", en = "Orders" }}

[[fields.item_fields]]
id = "text"
type = "text"
label = {{ da = "Ordination", en = "Order" }}
"""

# "must": required fields, and a list whose items have no one-line text field.
MUST = """
[[fields]]
id = "name"
type = "text"
required = true
label = { da = "Navn", en = "Name" }

[[fields]]
id = "signed_on"
type = "date"
required = true
clinician_only = true
label = { da = "Underskrevet", en = "Signed on" }

[[fields]]
id = "log"
type = "list"
max_items = 5
label = { da = "Dagbog", en = "Log" }

[[fields.item_fields]]
id = "day"
type = "date"
required = true
label = { da = "Dag", en = "Day" }

[[fields.item_fields]]
id = "note"
type = "textarea"
label = { da = "Note", en = "Note" }
"""


@pytest.fixture(scope="session")
def small(tmp_path_factory):
    """The small pack: {"sheet": Material, "must": Material}."""
    return small_pack(tmp_path_factory.mktemp("pack"), {"sheet": SHEET, "must": MUST})
