from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import events, two_factor
from .models import SignInEvent

User = get_user_model()

# Devices are set up by their members at sign-in and reset from the user list; nobody
# edits keys in the admin.
for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.register(SignInEvent)
class SignInEventAdmin(admin.ModelAdmin):
    """The recent sign-in events, for superusers only, read only."""

    list_display = ["time", "kind", "detail", "username", "ip_address", "by"]
    list_filter = ["kind", "detail", "time"]
    search_fields = ["username", "ip_address"]
    date_hierarchy = "time"
    list_select_related = ["by"]
    fields = ["time", "kind", "detail", "user", "username", "ip_address", "by"]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.unregister(User)


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    """Django's user admin, with the two-factor state and its reset."""

    list_display = [*UserAdmin.list_display, "two_factor"]
    actions = ["reset_two_factor"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                has_two_factor=Exists(
                    TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
                )
            )
        )

    @admin.display(boolean=True, description=_("two-factor authentication"))
    def two_factor(self, user):
        return user.has_two_factor

    @admin.action(
        description=_("Reset two-factor authentication of the selected users"),
        permissions=["change"],
    )
    def reset_two_factor(self, request, queryset):
        if not request.user.is_superuser:
            self.message_user(request, _("Only superusers can do that."), messages.ERROR)
            return
        for user in queryset:
            two_factor.reset(user)
            events.record(
                SignInEvent.Kind.DEVICE_RESET,
                request,
                user=user,
                detail=SignInEvent.Detail.BY_SUPERUSER,
                by=request.user,
            )
        count = len(queryset)
        self.message_user(
            request,
            ngettext(
                "Two-factor authentication of %(count)d user was reset: their sessions have "
                "ended and they set it up again when they next sign in.",
                "Two-factor authentication of %(count)d users was reset: their sessions have "
                "ended and they set it up again when they next sign in.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            # Django's session hash ends the member's sessions.
            user = self.get_object(request, id)
            events.record(
                SignInEvent.Kind.PASSWORD_CHANGED,
                request,
                user=user,
                detail=SignInEvent.Detail.BY_SUPERUSER if user != request.user else "",
                by=request.user if user != request.user else None,
            )
        return response
