"""Golden files: the exact JSON of each mapping for a fixed world, compared as JSON.

They are never written by a normal run. When a mapping changes on purpose, rewrite them with

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest betterback/exchange/tests -q -p no:cacheprovider

(the golden tests then fail with "written"), read the diff, and run again without UPDATE_GOLDEN.
"""

import json
import os
from pathlib import Path

import pytest

FOLDER = Path(__file__).parent / "golden"


def golden(name: str, value) -> None:
    path = FOLDER / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        pytest.fail(f"written {path}; review it and run again without UPDATE_GOLDEN")
    assert value == json.loads(path.read_text(encoding="utf-8"))
