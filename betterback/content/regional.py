"""The region whose services the warning-sign texts name: its out-of-hours medical helpline for
patients and its acute route for clinicians.

It is active for one request, as the language is: safety.middleware activates a resolver that
finds the region of the person's clinic (with the clinic's own overrides) only when a text needs
it. Outside a request, or for someone without a clinic, the pack's default region applies.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Services:
    """What a warning-sign text tells people to use, for one region (or one clinic in it)."""

    region_id: str
    region_name: object  # a content Text
    helpline_name: object  # a content Text: "lægevagten" / "the out-of-hours medical helpline"
    helpline_phone: str
    acute_route: object  # a content Text, or a clinic's own text: for clinicians only

    def values(self) -> dict[str, str]:
        return {"helpline_name": str(self.helpline_name), "helpline_phone": self.helpline_phone}

    @property
    def helpline_tel(self) -> str:
        """The helpline number for a tel: link."""
        return "".join(c for c in self.helpline_phone if c.isdigit() or c == "+")


_resolver: ContextVar[Callable[[], "Services | None"] | None] = ContextVar(
    "betterback_region", default=None
)


def activate(resolver: Callable[[], "Services | None"]) -> Token:
    """Make ``resolver`` the source of the active region until ``deactivate``. It is called
    at most once, when a text first needs the region."""
    return _resolver.set(cache(resolver))


def deactivate(token: Token) -> None:
    _resolver.reset(token)


@contextmanager
def override(services: "Services | None") -> Iterator[None]:
    """The given services for the block (an email or a PDF made outside a request)."""
    token = _resolver.set(lambda: services)
    try:
        yield
    finally:
        _resolver.reset(token)


def default() -> Services:
    from betterback.content.pack import safety

    pack_safety = safety()
    return pack_safety.regions[pack_safety.default_region].services()


def current() -> Services:
    resolver = _resolver.get()
    found = resolver() if resolver else None
    return found or default()


def values() -> dict[str, str]:
    return current().values()
