"""The configured content pack, loaded once per process."""

from functools import cache
from pathlib import Path

from django.conf import settings

from betterback.content.loader import load_pack
from betterback.content.model import Material
from betterback.content.roles import Role, cast
from betterback.content.safety import Safety, load_safety


@cache
def pack() -> dict[str, Material]:
    return load_pack(Path(settings.BETTERBACK_CONTENT_PACK))


@cache
def safety() -> Safety:
    """The pack's warning-sign texts and regions (checked with the pack by load_pack)."""
    return load_safety(Path(settings.BETTERBACK_CONTENT_PACK))


def material(material_id: str) -> Material:
    return pack()[material_id]


def role(name: str) -> Role:
    """The material that plays a role for the code, with its fields (content.roles); load_pack
    has made sure every role is played."""
    return cast(pack())[name]


def reload() -> None:
    """Read the configured pack again (tests that point the settings at another pack)."""
    pack.cache_clear()
    safety.cache_clear()
