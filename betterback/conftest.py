import sqlite3
from contextlib import closing, contextmanager

import pytest
from django.core.servers.basehttp import WSGIServer
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.test import override_settings
from django.test.testcases import LiveServerThread

from betterback.testing.cast import build_cast


# The browser tests' live server answers one request at a time. With the in-memory SQLite test
# database the server's threads would share one connection, and parallel requests (a page and
# its service worker's fetches, say) then fail with "cannot start a transaction within a
# transaction". One at a time is how the tests behave anyway: Django sends "Connection: close"
# from a server without threads, so the browser never waits on a kept-alive connection.
class OneRequestAtATimeServer(WSGIServer):
    # While True the server drops every connection unanswered, as if the network were down.
    # Chromium's offline emulation does not cover requests that pass through a service worker,
    # so a test of offline use unplugs the server too (the `network` fixture).
    unplugged = False

    def __init__(self, *args, connections_override=None, **kwargs):
        # The live server thread has already taken over the test's connections.
        super().__init__(*args, **kwargs)

    def verify_request(self, request, client_address):
        return not self.unplugged

    def close_request(self, request):
        connections.close_all()  # as Django's threaded server does (a no-op for in-memory SQLite)
        super().close_request(request)


LiveServerThread.server_class = OneRequestAtATimeServer


class Network:
    """Takes the phone (the browser context) and the live server off the network and back."""

    def __init__(self, page):
        self.page = page

    def down(self):
        OneRequestAtATimeServer.unplugged = True
        self.page.context.set_offline(True)

    def up(self):
        OneRequestAtATimeServer.unplugged = False
        self.page.context.set_offline(False)


@pytest.fixture
def network():
    yield Network
    OneRequestAtATimeServer.unplugged = False


@pytest.fixture(autouse=True)
def quick_password_hashing(settings):
    """argon2 makes every login in a test slow; tests that check the real hasher restore it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def cast(db):
    return build_cast()


# Fixtures that keep a test from running inside the module's transaction: each of them
# commits, flushes the database, or serves it to other threads.
COMMITTING_FIXTURES = {"transactional_db", "live_server", "database_for_threads"}


@pytest.fixture(scope="module")
def module_db(request, django_db_setup, django_db_blocker):
    """Lets a module build its test data once instead of before every test.

    Opens a transaction that lasts for the module and is rolled back after its last test, and
    returns a context manager to build the data in, as in `with module_db(): ...`. Each test
    still starts from the data exactly as built: the `db` fixture runs it in a savepoint that is
    rolled back when it ends (Django's TestCase does the same with setUpTestData). The objects
    built are shared in memory too, so a module hands each test its own `copy.deepcopy` of them.

    Once built, the data is there for every test of the module, whether it asks for it or not:
    opt in only where no test needs a database without it. A test that commits cannot run
    inside the transaction, so the module must have none.
    """
    committing = [
        item.name
        for item in request.session.items
        if item.getparent(pytest.Module) is request.node
        and (
            COMMITTING_FIXTURES & set(item.fixturenames)
            or any(
                mark.kwargs.get("transaction") or mark.kwargs.get("reset_sequences")
                for mark in item.iter_markers("django_db")
            )
        )
    ]
    if committing:
        pytest.fail(f"module_db cannot share data with tests that commit: {committing}")

    @contextmanager
    def building():
        # Module fixtures run before the autouse quick_password_hashing, so it is set here too.
        quick = ["django.contrib.auth.hashers.MD5PasswordHasher"]
        with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=quick):
            yield

    with django_db_blocker.unblock():
        module_transaction = transaction.atomic()
        module_transaction.__enter__()
    try:
        yield building
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            module_transaction.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_cast(module_db):
    """The cast, built once for a module. A module opts in by overriding `cast` with a fixture
    that requests `db` and returns `copy.deepcopy(module_cast)`."""
    with module_db():
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


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole run. Never skipped: a missing browser is a failure."""
    from playwright.sync_api import sync_playwright

    from betterback.testing.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browse(chromium, live_server):
    """Opens a fresh browser context (its own cookies: one person on one device) and returns a
    page whose every visit is checked by axe-core and for requests to other hosts."""
    from betterback.testing.browser import axe_violations, describe, overflowing

    contexts = []
    foreign = []

    def new_page(width=1280, height=900):
        context = chromium.new_context(
            viewport={"width": width, "height": height}, base_url=live_server.url
        )
        contexts.append(context)
        context.set_default_timeout(10_000)
        page = context.new_page()
        page.on(
            "request",
            lambda request: (
                None
                if request.url.startswith((live_server.url, "data:"))
                else foreign.append(request.url)
            ),
        )
        return page

    def check(page):
        page.wait_for_load_state("load")
        violations = axe_violations(page)
        assert not violations, f"axe-core on {page.url}:\n{describe(violations)}"
        wide = overflowing(page)
        assert not wide, f"{page.url} is wider than the window: {wide}"
        assert not foreign, f"requests to other hosts: {foreign}"

    new_page.check = check
    yield new_page
    for context in contexts:
        context.close()


@pytest.fixture
def database_for_threads(transactional_db, tmp_path, monkeypatch):
    """A database that test threads can share as the app's processes do.

    PostgreSQL needs nothing. SQLite's test database is in memory, shared between the threads'
    connections through SQLite's shared cache, and the shared cache locks whole tables and fails
    at once with "database table is locked" (SQLITE_LOCKED) instead of waiting: its busy timeout
    does not apply. So two runs at the same time would fail there for a reason production never
    meets. For SQLite this copies the (empty) test database to a file, with the settings of
    production (WAL, BEGIN IMMEDIATE, a busy timeout), and points every thread's connection at it
    for the length of the test; the in-memory database is left as it was.
    """
    if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
        yield
        return
    path = str(tmp_path / "threads.sqlite3")
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as copy:
        connection.connection.backup(copy)
    in_memory = connections[DEFAULT_DB_ALIAS]
    on_file = {**in_memory.settings_dict, "NAME": path}
    monkeypatch.setitem(connections.settings, DEFAULT_DB_ALIAS, on_file)  # for the threads
    connections[DEFAULT_DB_ALIAS] = in_memory.__class__(on_file, DEFAULT_DB_ALIAS)  # this one
    try:
        yield
    finally:
        connections[DEFAULT_DB_ALIAS].close()
        connections[DEFAULT_DB_ALIAS] = in_memory
