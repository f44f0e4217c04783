"""
The publishing core that every content app builds on.

``models``: the publishable and orderable bases with ``live()`` and ``visible_to()``;
``views``: the draft preview; ``admin``: the shared admin base and the edit-conflict
form; ``richtext``: the rich-text field and its allow-list; ``media``: images and PDF
documents; ``roles``: the Editors, Publishers and Viewers groups; ``workflow``: pending changes
and their review in the admin.

The rule of the layout: this package imports no app. The apps import it, and the
project package (``kainuu_portal``) assembles what the apps declare.
"""
