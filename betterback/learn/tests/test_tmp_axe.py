import pytest

from betterback.testing import browser
from betterback.testing.cast import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["da", "en"])
def test_tmp_learn_pages_axe(cast, browse, language):
    cast.maja.language = language
    cast.maja.save()
    page = browse()
    browser.log_in(page, cast.maja.email, PASSWORD)
    page.wait_for_url("**/me/")
    for url in ["/me/learn/", "/me/learn/?q=søvn", "/me/learn/?q=xyzzy",
                "/me/learn/understanding-pain/", "/me/learn/scans-and-findings/"]:
        page.goto(url)
        browse.check(page)
    page.goto("/me/learn/understanding-pain/")
    # headless Chromium: does speechSynthesis exist? the button shows only if so
    print("speech:", page.evaluate("!!window.speechSynthesis"), "hidden:", page.locator("button[data-read-aloud]").is_hidden())
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/me/learn/?q=søvn")
    browse.check(page)
