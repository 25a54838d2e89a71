"""English dates for a Danish app: day before month and a 24-hour clock, as the Danes who read
the English pages are used to. Django's US defaults (12/06/2026, 3:58 p.m.) read wrongly here:
"12/06" is the 12th of June to a Dane."""

DATE_FORMAT = "j F Y"  # 6 December 2026
SHORT_DATE_FORMAT = "j M Y"  # 6 Dec 2026
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
