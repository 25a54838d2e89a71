"""Browser-test helpers: Debian's Chromium driven by Playwright, and axe-core checks."""

import json
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_SCRIPT = PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_source() -> str:
    if not AXE_SCRIPT.exists():
        raise RuntimeError(f"{AXE_SCRIPT} is missing: run `make test` (it runs npm ci).")
    return AXE_SCRIPT.read_text(encoding="utf-8")


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page as it is now; return its WCAG 2.1 A/AA violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # evaluate() runs through the DevTools protocol, so the page's CSP does not block it.
        page.evaluate(axe_source())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {json.dumps(node['target'])}: {node['failureSummary']}")
    return "\n".join(lines)


def screenshot_dir() -> Path:
    folder = PROJECT_DIR / "test-artifacts"
    folder.mkdir(exist_ok=True)
    return folder


# Elements that stick out past the right edge of the window: on a phone or at 200% zoom the
# person would have to scroll sideways, or would not see them at all (the body clips overflow).
OVERFLOW_SCRIPT = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')]
    .filter(el => !el.closest('.table--responsive-scroll, .sr-only, .skipnav'))
    .filter(el => el.getBoundingClientRect().width > 0)
    .filter(el => el.getBoundingClientRect().right > width + 1)
    .slice(0, 5)
    .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
}"""


def overflowing(page) -> list[str]:
    return page.evaluate(OVERFLOW_SCRIPT)


def log_in(page, email: str, password: str) -> None:
    """Log in through the login page, as a person would."""
    page.goto("/login/")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("form.bb-stack button[type=submit]")
    page.wait_for_load_state("load")
