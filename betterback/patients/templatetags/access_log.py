from django import template

from betterback.patients import access_log

register = template.Library()

register.filter("what_was_touched", access_log.what_was_touched)
