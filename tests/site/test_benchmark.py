"""The benchmark's reference view: constant HTML, and only when asked for."""

import pytest
from django.test import RequestFactory

from kainuu_portal import views


def test_the_reference_view_is_off_by_default(client, db):
    assert client.get("/bench/reference/").status_code == 404


def test_the_reference_view_returns_10_kb_of_constant_html(db, django_assert_num_queries):
    request = RequestFactory().get("/bench/reference/")
    with django_assert_num_queries(0):
        first = views.benchmark_reference(request)
        second = views.benchmark_reference(request)
    assert first.status_code == 200
    assert first["Content-Type"] == "text/html; charset=utf-8"
    assert 10_000 <= len(first.content) <= 10_500
    assert first.content == second.content


@pytest.mark.parametrize("size", [1, 10_000, 789_459])
def test_the_reference_view_writes_a_constant_body_of_the_size_asked_for(db, size):
    request = RequestFactory().get("/bench/reference/", {"bytes": str(size)})
    first = views.benchmark_reference(request)
    assert first.status_code == 200
    assert len(first.content) == size
    assert first.content == views.benchmark_reference(request).content
    assert views.BENCHMARK_REFERENCE_PAGE.encode().startswith(first.content[:10_000])


@pytest.mark.parametrize("size", ["0", "-5", "x", "1.5", "٣", "10000001"])
def test_the_reference_view_refuses_a_size_it_does_not_write(db, size):
    response = views.benchmark_reference(RequestFactory().get("/bench/reference/", {"bytes": size}))
    assert response.status_code == 400
    assert b"bytes: a whole number from 1 to 10000000" in response.content
