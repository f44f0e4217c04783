"""
What a content app declares to make a model searchable, in its own ``search.py``
as ``searchables = [Searchable(...), ...]``; the site's search engine
(``kainuu_portal.search``) collects the declarations of every content app.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Searchable:
    """One type of content that the search covers, and which of its fields it reads."""

    name: str  # the type's name in the ``type=`` parameter, e.g. "priority"
    label: str  # the heading of its results, plural
    model: type  # a Publishable with an ``address``
    title: str = "title"
    texts: tuple = ()  # plain-text fields
    rich_texts: tuple = ()  # rich-text fields, whose HTML tags are not searched
    context: str = ""  # a translated field of the parent, shown with the result

    @property
    def address(self):
        return self.model.address
