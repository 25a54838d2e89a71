import segno
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from betterback.accounts.services import do_login
from betterback.audit.services import source_of
from betterback.invitations import services
from betterback.invitations.access import invitation_for_clinician
from betterback.invitations.forms import AcceptForm, InviteForm
from betterback.invitations.models import Delivery
from betterback.patients.access import clinician_required

SESSION_TOKENS = "invitation_tokens"


def _after_creation(request: HttpRequest, invitation, token) -> HttpResponse:
    if invitation.delivery == Delivery.LETTER:
        # The letter needs the token on the next page; it is kept in the clinician's own session
        # only, which ends at logout or after the clinician's idle time.
        tokens = request.session.get(SESSION_TOKENS, {})
        tokens[str(invitation.pk)] = token
        request.session[SESSION_TOKENS] = tokens
    elif invitation.email_sent:
        messages.success(request, _("The invitation has been sent by email."))
    else:
        messages.error(
            request,
            _(
                "The email could not be sent. The invitation is saved: try “Send a new link” "
                "in a moment, or invite the patient by letter."
            ),
        )


@require_http_methods(["GET", "POST"])
@clinician_required
def invite(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation, token = services.invite_patient(
            request,
            clinician=request.user.clinician,
            source=source_of(request),
            **form.cleaned_data,
        )
        _after_creation(request, invitation, token)
        return redirect("invitations:detail", pk=invitation.pk)
    return render(request, "invitations/invite.html", {"form": form})


@require_GET
@clinician_required
def detail(request: HttpRequest, pk) -> HttpResponse:
    invitation = services.read_invitation(
        invitation_for_clinician(request, pk), actor=request.user, source=source_of(request)
    )
    token = request.session.get(SESSION_TOKENS, {}).get(str(pk))
    context = {"invitation": invitation}
    if token and invitation.status == "open":
        url = services.invitation_url(request, token)
        qr = segno.make(url, error="m")
        context.update(url=url, qr_svg=qr.svg_inline(scale=4, dark="#000", omitsize=False))
    return render(request, "invitations/detail.html", context)


@require_POST
@clinician_required
def renew(request: HttpRequest, pk) -> HttpResponse:
    invitation = invitation_for_clinician(request, pk)
    if invitation.used_at:
        messages.info(request, _("This invitation has already been accepted."))
        return redirect("invitations:detail", pk=pk)
    new, token = services.renew(request, invitation, source=source_of(request))
    messages.success(request, _("A new link has been made. The old one no longer works."))
    _after_creation(request, new, token)
    return redirect("invitations:detail", pk=new.pk)


@never_cache
@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest, token) -> HttpResponse:
    try:
        invitation = services.find_open(token)
    except services.InvitationUnusable as problem:
        return render(request, "invitations/unusable.html", {"status": problem.status}, status=410)
    patient = invitation.patient
    if patient.user is not None:
        return _accept_existing_account(request, token, invitation)
    form = AcceptForm(
        request.POST or None, patient=patient, initial={"language": invitation.language}
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept(
                token=token,
                password=form.cleaned_data["password1"],
                language=form.cleaned_data["language"],
                source=source_of(request),
            )
        except services.InvitationUnusable as problem:
            return render(
                request, "invitations/unusable.html", {"status": problem.status}, status=410
            )
        do_login(request, user)
        messages.success(request, _("Welcome to BetterBack. Your account is ready."))
        return redirect("front:patient_home")
    return render(request, "invitations/accept.html", {"form": form, "invitation": invitation})


def _accept_existing_account(request: HttpRequest, token, invitation) -> HttpResponse:
    if request.user.is_authenticated and request.user.pk == invitation.patient.user_id:
        if request.method == "POST":
            try:
                services.accept(
                    token=token,
                    password=None,
                    language=request.user.language,
                    user=request.user,
                    source=source_of(request),
                )
            except services.InvitationUnusable as problem:
                return render(
                    request, "invitations/unusable.html", {"status": problem.status}, status=410
                )
            messages.success(
                request,
                _("You are now connected with %(name)s.")
                % {"name": invitation.clinician.user.full_name},
            )
            return redirect("front:patient_home")
        return render(request, "invitations/accept_existing.html", {"invitation": invitation})
    return render(
        request, "invitations/login_first.html", {"invitation": invitation, "next": request.path}
    )
