from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "betterback.content"
    label = "content"

    def ready(self):
        # Load the content pack at start-up so a broken pack stops the app with a clear message
        # instead of failing on the first page that needs it.
        from betterback.content.pack import pack

        pack()
