from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "betterback.accounts"
    label = "accounts"
