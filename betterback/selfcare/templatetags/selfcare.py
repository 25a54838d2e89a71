"""The self-management panel other apps' pages show: what the patient logged since the last
session, on the follow-up material (content role "follow_up"). The page records the read."""

from django import template

from betterback.selfcare.services import since_last_session

register = template.Library()


@register.inclusion_tag("selfcare/_since.html")
def logged_since_last_session(patient) -> dict:
    return {"since": since_last_session(patient)}
