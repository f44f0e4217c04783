"""
Rich text: one allow-list for the editor and the sanitiser.

``EXTENSIONS`` is the only place that says what rich text may hold: exactly
what the public pages style (paragraphs, headings h2-h4, bulleted and
numbered lists, bold, italic, links, block quotes). The prose editor in the
admin offers just these, and the same configuration builds the nh3 allow-list
(``ALLOWLIST``) that cleans every value before it is saved, whatever path the
value came by (admin, command, API): no script, style, iframe, event-handler
attribute or link other than http, https and mailto survives.
"""

from django_prose_editor.config import allowlist_from_extensions, expand_extensions
from django_prose_editor.fields import ProseEditorField

EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
}

#: The keyword arguments of ``nh3.Cleaner`` that the fields build from ``EXTENSIONS``.
ALLOWLIST = allowlist_from_extensions(expand_extensions(EXTENSIONS))


class RichTextField(ProseEditorField):
    """HTML sanitised with nh3 (``ALLOWLIST``) on save, edited with the prose editor."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EXTENSIONS)
        kwargs.setdefault("sanitize", True)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        if value:
            value = self.sanitize(value)
            setattr(model_instance, self.attname, value)
        return value
