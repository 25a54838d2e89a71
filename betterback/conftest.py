import pytest

from betterback.testing.cast import build_cast


@pytest.fixture
def cast(db):
    return build_cast()


@pytest.fixture
def client_for(client, cast):
    """A test client logged in as the given cast member (or anonymous for None)."""
    from django.test import Client

    def make(user):
        new = Client()
        if user is not None:
            new.force_login(user)
        return new

    return make
