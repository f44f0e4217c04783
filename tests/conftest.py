import pytest
from django.test import Client


@pytest.fixture
def client():
    """A test client whose browser prefers English, so the admin answers in English.

    Public pages take their language from the address (/fi/, /en/, /sv/), not from this.
    """
    return Client(headers={"accept-language": "en"})


@pytest.fixture(autouse=True)
def _english_outside_requests(settings):
    """Messages built outside a request (model validation) in English, whatever ran before."""
    from django.utils import translation

    with translation.override("en"):
        yield
