from django.views.generic import DetailView

from kainuu_portal.publishing.views import PreviewMixin

from .accessibility import failing_live_content
from .models import Page


class PageDetailView(PreviewMixin, DetailView):
    model = Page
    context_object_name = "page"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.is_accessibility_statement:
            context["failing_documents"], context["failing_content"] = failing_live_content()
        return context
