"""Take the README's screenshots from a running app with the demo data.

    make run            # in one terminal
    .venv/bin/python scripts/screenshots.py [http://127.0.0.1:8000]

Writes PNG files into docs/screenshots/.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from betterback.testing.browser import CHROMIUM, CHROMIUM_ARGS

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PASSWORD = "ryg-demo-2026"


def log_in(page, email):
    page.goto(f"{BASE}/login/")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.bb-stack button[type=submit]")
    page.wait_for_load_state("load")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        desk = browser.new_page(viewport={"width": 1280, "height": 900})
        log_in(desk, "lise@demo.example")
        desk.screenshot(path=OUT / "patient-list-da.png")
        desk.click("table a:has-text('Peter Jensen')")
        desk.click("a[href$='/materials/what-matters/']")
        desk.click("a[href$='?mode=present']")
        desk.screenshot(path=OUT / "consultation-da.png")
        desk.goto(desk.url.split("?")[0] + "print/")
        desk.screenshot(path=OUT / "print-da.png", full_page=True)
        desk.goto(f"{BASE}/clinic/training/")
        desk.screenshot(path=OUT / "course-da.png")

        phone = browser.new_page(viewport={"width": 360, "height": 780})
        log_in(phone, "peter@demo.example")
        phone.screenshot(path=OUT / "home-phone-da.png")
        phone.click("a[href='/me/materials/what-matters/']")
        phone.screenshot(path=OUT / "material-phone-da.png")
        phone.goto(f"{BASE}/me/access-log/")
        phone.screenshot(path=OUT / "access-log-da.png")
        phone.goto(f"{BASE}/me/plan/")
        phone.screenshot(path=OUT / "my-plan-phone-da.png")

        # Every material as the patient sees it at home, in Danish.
        (OUT / "materials").mkdir(exist_ok=True)
        home = browser.new_page(viewport={"width": 1100, "height": 1000})
        log_in(home, "peter@demo.example")
        home.goto(f"{BASE}/me/")
        links = home.locator(".bb-cards a").evaluate_all("links => links.map(a => a.href)")
        for number, link in enumerate(links, start=1):
            home.goto(link)
            material_id = link.rstrip("/").rsplit("/", 1)[-1]
            home.screenshot(path=OUT / "materials" / f"{number:02}-{material_id}.png")
        browser.close()


if __name__ == "__main__":
    main()
