"""Rows stored once however often they are asked for: a unique constraint decides, not a check
made first (two requests, two devices or two runs can ask at the same moment)."""

from django.db import IntegrityError, models, transaction


def save_once(row: models.Model, lookup: dict, after=None) -> tuple[models.Model, bool]:
    """Insert ``row``, whose unique fields are ``lookup``, or return the row stored before with
    them: (row, True when it is new). ``after(row)`` runs in the same transaction as the insert
    (what must be stored with it, or not at all). A device's resend stores nothing new."""
    try:
        with transaction.atomic():
            row.save(force_insert=True)
            if after is not None:
                after(row)
        return row, True
    except IntegrityError:
        return type(row).objects.get(**lookup), False


def create_once(model: type[models.Model], lookup: dict, **fields) -> tuple[models.Model, bool]:
    """save_once of a new row made of ``lookup`` and ``fields``."""
    return save_once(model(**lookup, **fields), lookup)


def claim(model: type[models.Model], **fields) -> models.Model | None:
    """Claim a piece of work by creating its row: the row, or None when another run has it."""
    try:
        with transaction.atomic():
            return model.objects.create(**fields)
    except IntegrityError:
        return None
