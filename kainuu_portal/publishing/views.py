"""The draft preview of detail views, and what a view reads of the query string."""

from .models import can_preview


class PreviewMixin:
    """
    For detail views of publishable content.

    Visitors get only live objects (a 404 otherwise). Staff who may view the
    model also get drafts, marked as a preview: a banner and a noindex tag.
    """

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.object
        if can_preview(self.request.user, type(obj)):
            context["is_preview"] = not type(obj).objects.live().filter(pk=obj.pk).exists()
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context.get("is_preview"):
            response.headers["X-Robots-Tag"] = "noindex"
            response.headers["Cache-Control"] = "private, no-store"
        return response


def reads_query(*names):
    """
    Declare the query parameters a view reads: the page cache keys its pages by
    these alone and gives the view no others, so an address with extra parameters
    (``?utm_source=...``) is the same page. A view that declares nothing is cached
    only without a query string; a generic list view reads its page parameter.
    """

    def declare(view):
        view.reads_query = names
        return view

    return declare
