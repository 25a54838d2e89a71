"""docs/printing.md names every PDF address and shows previews that exist."""

import re
from pathlib import Path

from betterback.printing.urls import urlpatterns

DOCS = Path(__file__).resolve().parents[3] / "docs"
PRINTING = (DOCS / "printing.md").read_text(encoding="utf-8")
# How the docs write the parts of an address that vary.
PARTS = {"uuid:public_id": "uuid", "slug:material_id": "material-id", "str:entry": "id"}


def test_every_pdf_address_is_documented():
    documented = [
        "/" + re.sub(r"<([^>]+)>", lambda part: f"<{PARTS[part[1]]}>", str(pattern.pattern))
        for pattern in urlpatterns
    ]

    assert [address for address in documented if f"`{address}`" not in PRINTING] == []


def test_every_preview_shown_exists():
    previews = re.findall(r"\]\((screenshots/pdf/[^)]+\.png)\)", PRINTING)

    assert len(previews) >= 5
    assert [p for p in previews if not (DOCS / p).is_file()] == []
