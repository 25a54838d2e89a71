from django import template

register = template.Library()


def _describedby(field) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.simple_tag
def widget(field, css_class=""):
    """Render a bound field's widget with the design system's class and accessible links to its
    hint and error message."""
    attrs = {"class": css_class} if css_class else {}
    if described := _describedby(field):
        attrs["aria-describedby"] = described
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.simple_tag
def describedby(field) -> str:
    return _describedby(field)


@register.filter
def field_type(field) -> str:
    return field.widget_type


def _form_errors(form) -> list[dict]:
    errors = [{"message": e, "anchor": ""} for e in form.non_field_errors()]
    for name, messages in form.errors.items():
        if name == "__all__":
            continue
        bound = form[name]
        anchor = bound.auto_id
        if bound.widget_type in ("checkboxselectmultiple", "radioselect"):
            anchor = f"{bound.auto_id}_0"
        errors += [{"message": f"{bound.label}: {m}", "anchor": anchor} for m in messages]
    return errors


@register.inclusion_tag("core/components/error_summary.html")
def error_summary(*forms):
    """The error summary at the top of a page: every error of the forms and formsets given."""
    errors = []
    flat = []
    for form in forms:
        flat.extend(form if isinstance(form, list | tuple) else [form])
    for form in flat:
        if form is None or not form.is_bound:
            continue
        if hasattr(form, "forms"):
            errors += [{"message": e, "anchor": ""} for e in form.non_form_errors()]
            for row in form.forms:
                errors += _form_errors(row)
        else:
            errors += _form_errors(form)
    return {"errors": errors, "has_errors": bool(errors)}


@register.filter
def bound(form, name: str):
    """The bound field ``name`` of a form (templates cannot index with a variable)."""
    return form[name]


@register.filter
def lookup(mapping, key):
    return mapping.get(key)


@register.filter
def attribute(obj, name: str):
    """``obj.<name>`` for a name held in a variable."""
    return getattr(obj, name, None)
