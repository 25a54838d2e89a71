from betterback.exchange.fhir.common import drop_none, name_uuid


def organization(clinic) -> dict:
    return drop_none(
        {
            "resourceType": "Organization",
            "id": organization_id(clinic),
            "active": True,
            "name": clinic.name,
            "address": [{"city": clinic.city}] if clinic.city else None,
        }
    )


def organization_id(clinic) -> str:
    return name_uuid("Organization", clinic.pk)
