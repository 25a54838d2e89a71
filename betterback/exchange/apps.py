from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "betterback.exchange"
    label = "exchange"
