"""The pages a patient uses every week stay light on an old phone: HTML, CSS and JS together under
100 KB as transferred (compressed, as WhiteNoise serves the static files), and nothing from
another host."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders

from betterback.testing.factories import give_peter_the_demo_plan

LIMIT = 100_000
ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src)="([^"]+)"')
EXTERNAL = re.compile(r'(?:src|href|action)="(?:https?:)?//', re.IGNORECASE)


@pytest.fixture
def peter_with_plan(cast):
    give_peter_the_demo_plan(cast)
    return cast.peter


def transferred(html: str) -> tuple[int, list[str]]:
    total = len(gzip.compress(html.encode()))
    assets = []
    for url in ASSET.findall(html):
        if not url.startswith("/static/") or not url.endswith((".css", ".js")):
            continue
        path = finders.find(url.removeprefix("/static/"))
        assert path, f"{url} is not a static file"
        with open(path, "rb") as file:
            total += len(gzip.compress(file.read()))
        assets.append(url)
    return total, assets


@pytest.mark.parametrize("url", ["/me/", "/me/check-in/", "/me/flare-up/"])
def test_the_weekly_pages_are_light_and_load_nothing_from_another_host(
    client_for, peter_with_plan, url
):
    response = client_for(peter_with_plan).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    size, assets = transferred(html)
    assert any(a.endswith(".css") for a in assets)  # the stylesheet is counted
    assert size < LIMIT, f"{url}: {size} bytes with {assets}"
    assert not EXTERNAL.findall(html)
