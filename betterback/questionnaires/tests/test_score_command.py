"""`betterback score INSTRUMENT FILE.csv` for researchers."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command


def run(instrument, path) -> list[dict]:
    out = io.StringIO()
    call_command("score", instrument, str(path), stdout=out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_it_adds_total_subscales_and_band_and_keeps_other_columns(tmp_path):
    path = tmp_path / "startback.csv"
    header = "participant," + ",".join(f"item_{n}" for n in range(1, 10))
    path.write_text(
        f"{header}\np1,1,1,1,1,1,1,1,1,4\np2,0,0,0,0,0,0,0,0,0\np3,1,1,1,1,,1,1,1,1\n",
        encoding="utf-8",
    )

    rows = run("startback", path)

    assert [(r["participant"], r["total"], r["psychosocial"], r["band"]) for r in rows] == [
        ("p1", "9", "5", "high"),
        ("p2", "0", "0", "low"),
        ("p3", "", "", ""),  # a missing item: no score, and no error either
    ]
    assert all(r["error"] == "" for r in rows)


def test_a_bad_row_gets_an_error_and_the_others_are_still_scored(tmp_path):
    path = tmp_path / "nrs.csv"
    path.write_text("id,item_1\na,7\nb,12\nc,3\n", encoding="utf-8")

    rows = run("nrs", path)

    assert [(r["id"], r["total"]) for r in rows] == [("a", "7"), ("b", ""), ("c", "3")]
    assert "item 1: 12 is not allowed" in rows[1]["error"]


def test_fabq_gets_one_column_per_subscale(tmp_path):
    path = tmp_path / "fabq.csv"
    header = ",".join(f"item_{n}" for n in range(1, 17))
    path.write_text(header + "\n" + ",".join(["3"] * 16) + "\n", encoding="utf-8")

    [row] = run("fabq", path)

    assert (row["physical_activity"], row["work"], row["total"]) == ("12", "21", "")


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("score", "nrs", str(tmp_path / "nope.csv"), stdout=io.StringIO())
