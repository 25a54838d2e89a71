"""A patient who uses only the keyboard logs in, skips to the content and saves a material."""

import pytest

from betterback.testing.cast import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, selector, limit=25):
    """Press Tab until the element matching selector has focus; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def focus_is_visible(page) -> bool:
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        }"""
    )


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_patient_can_do_everything_with_the_keyboard(cast, browse, language):
    cast.peter.language = language
    cast.peter.save()
    page = browse(width=360, height=780)
    page.goto("/login/")

    tab_to(page, ".skipnav")
    assert focus_is_visible(page)
    tab_to(page, "input[name=email]")
    assert focus_is_visible(page)
    page.keyboard.type(cast.peter.email)
    tab_to(page, "input[name=password]")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/me/")
    assert page.locator("html").get_attribute("lang") == language
    browse.check(page)

    tab_to(page, "a[href='/me/materials/what-matters/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/me/materials/what-matters/")
    tab_to(page, "input[name=life_areas][value=rest]")
    page.keyboard.press("Space")
    tab_to(page, "input[name=activities-0-text]")
    page.keyboard.type("Sove en hel nat")
    tab_to(page, "form.bb-stack button[type=submit]")
    assert focus_is_visible(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator(".alert-success").count() == 1
    assert page.locator("input[name=life_areas][value=rest]").is_checked()
    assert page.locator("input[name=activities-0-text]").input_value() == "Sove en hel nat"
    browse.check(page)
