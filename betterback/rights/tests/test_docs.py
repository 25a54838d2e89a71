"""docs/data-rights.md describes every top-level field of the JSON file."""

from pathlib import Path

from betterback.rights.export import my_data

DOCS = Path(__file__).resolve().parents[3] / "docs" / "data-rights.md"


def test_every_field_of_the_json_file_is_documented(cast):
    documented = DOCS.read_text(encoding="utf-8")

    missing = [key for key in my_data(cast.peter_patient) if f"| `{key}` |" not in documented]

    assert not missing, f"{DOCS.name} does not describe {missing}"
