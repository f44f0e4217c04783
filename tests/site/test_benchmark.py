"""The benchmark's reference view: constant HTML, and only when asked for."""

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
