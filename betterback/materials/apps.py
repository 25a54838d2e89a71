from django.apps import AppConfig


class MaterialsConfig(AppConfig):
    name = "betterback.materials"
    label = "materials"

    def ready(self):
        # Load the content pack at start-up so a broken pack stops the app with a clear message
        # instead of failing on the first page that needs it.
        from betterback.materials.content import pack

        pack()
