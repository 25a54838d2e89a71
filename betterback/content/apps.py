from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "betterback.content"
    label = "content"

    def ready(self):
        # The pack is checked by a system check (content.checks): `betterback check`, runserver
        # and the WSGI application (betterback.wsgi) all refuse a broken pack, naming the file.
        from betterback.content import checks  # noqa: F401
