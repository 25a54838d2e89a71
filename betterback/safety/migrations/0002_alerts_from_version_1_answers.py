"""Alerts for warning signs answered before alerts existed: every "yes" in a version-1 answer to
the warning-sign screen, sent or not. Version 1's "marked as seen" becomes an acknowledgement.
The version-1 items are written out here so the migration keeps working when the definition
files change."""

from django.db import migrations

V1_SIGNS = {
    "1": ("saddle", 1, "Nedsat følesans i skridtet (ridebukseområdet)", "Reduced sensation in the saddle area"),
    "2": ("bladder", 1, "Nye problemer med vandladningen", "New problems passing or holding urine"),
    "3": ("bowel", 1, "Ny mangel på kontrol over afføringen", "New loss of bowel control"),
    "4": ("legs_weaker", 1, "Tiltagende kraftnedsættelse i begge ben", "Progressive weakness in both legs"),
    "5": ("cancer", 3, "Tidligere kræftsygdom", "History of cancer"),
    "6": ("weight_loss", 3, "Uforklaret vægttab", "Unexplained weight loss"),
    "7": ("fever_or_ill", 3, "Feber eller almen sygdomsfølelse", "Fever or feeling generally unwell"),
    "8": ("immune", 3, "Svækket immunforsvar eller intravenøst stofbrug", "Immunosuppression or intravenous drug use"),
    "9": ("fall_or_osteoporosis", 3, "Betydende traume eller osteoporose med nye smerter", "Significant trauma or osteoporosis with new pain"),
    "10": ("night_pain", 3, "Svære natlige smerter", "Severe night pain"),
    "11": ("leg_one_worse", 3, "Tiltagende neurologiske udfald", "Progressive neurological deficit"),
    "12": ("over_50_new", 4, "Over 50 år med nye smerter", "Over 50 with new pain"),
    "13": ("no_improvement", 4, "Ingen bedring efter 4-6 uger", "No improvement after 4-6 weeks"),
}  # fmt: skip
NOTE = "Marked as seen in BetterBack before acknowledgements had a note."


def forwards(apps, schema_editor):
    Response = apps.get_model("questionnaires", "Response")
    Alert = apps.get_model("safety", "Alert")
    responses = Response.objects.filter(instrument_id="redflags", instrument_version="1")
    for response in responses.order_by("id"):
        signs = [
            {
                "kind": "sign",
                "id": V1_SIGNS[key][0],
                "level": V1_SIGNS[key][1],
                "reason": {"da": V1_SIGNS[key][2], "en": V1_SIGNS[key][3]},
                "withdrawn": False,
            }
            for key, value in sorted(response.answers.items(), key=lambda pair: int(pair[0]))
            if value == 1 and key in V1_SIGNS
        ]
        if not signs:
            continue
        signs.sort(key=lambda sign: sign["level"])
        level = signs[0]["level"]
        raised = response.submitted_at or response.updated_at or response.created_at
        seen = response.reviewed_at is not None
        Alert.objects.create(
            patient_id=response.patient_id,
            source_id=response.public_id,
            level=level,
            signs=signs,
            raised_at=raised,
            urgent_since=raised if level <= 2 else None,
            acknowledged_at=response.reviewed_at,
            acknowledged_by_id=response.reviewed_by_id,
            what_was_done="other" if seen else "",
            note=NOTE if seen else "",
        )


class Migration(migrations.Migration):
    dependencies = [
        ("safety", "0001_initial"),
        ("questionnaires", "0002_flag_level_and_redflags_v2"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
