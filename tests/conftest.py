"""Fixtures shared by the test modules."""

# ``site``: a small published site with every kind of content (defined beside the page tests).
from tests.test_views import site  # noqa: F401
