"""The JSON answers to the page's autosave requests. Without JavaScript the page never asks for
these; the Save button posts the form as usual."""

from django.http import JsonResponse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _


def saved(entry, sheet) -> JsonResponse:
    return JsonResponse(
        {
            "ok": True,
            "version": entry.version,
            "keys": {field_id: formset.row_keys for field_id, formset in sheet.lists.items()},
            "message": _("Saved at %(time)s.")
            % {"time": date_format(localtime(entry.updated_at), "TIME_FORMAT")},
        }
    )


def invalid() -> JsonResponse:
    return JsonResponse(
        {
            "ok": False,
            "message": _("Not saved: something needs checking. Press “Save” to see what."),
        },
        status=400,
    )


def conflict(current) -> JsonResponse:
    who = current.updated_by.full_name if current.updated_by else ""
    return JsonResponse(
        {
            "ok": False,
            "message": _(
                "%(who)s has saved this material in the meantime. Your text is still here and is "
                "not saved: press “Save” to see both."
            )
            % {"who": who},
        },
        status=409,
    )
