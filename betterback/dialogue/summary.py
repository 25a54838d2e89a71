"""The short session summary a clinician pastes into their own record. Plain text, pure."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _


def summary_text(session, titles: list[str], parts: list) -> str:
    clinician = session.clinician
    lines = [
        _("BetterBack dialogue session %(date)s: %(patient)s with %(clinician)s, %(profession)s")
        % {
            "date": date_format(session.started_at, "DATE_FORMAT"),
            "patient": session.patient.full_name,
            "clinician": clinician.user.full_name,
            "profession": clinician.get_profession_display(),
        },
        "",
        _("Materials used: %(titles)s") % {"titles": "; ".join(titles) or "–"},
        "",
        _("My plan:"),
    ]
    for part in parts:
        filled = [answer for answer in part.answers if answer.text or answer.items]
        if not filled:
            continue
        lines.append(f"* {part.material.title}")
        for answer in filled:
            if answer.items:
                names = [name for name, _details in answer.items if name]
                lines.append(f"  - {answer.field.label}: {'; '.join(names)}")
            else:
                text = " ".join(answer.text.split())
                lines.append(f"  - {answer.field.label}: {text}")
    return "\n".join(lines)
