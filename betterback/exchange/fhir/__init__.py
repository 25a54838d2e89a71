"""A patient's data as FHIR R4 resources: one pure mapping per resource, one module each.

    patient.patient(patient)                                       Patient
    organization.organization(clinic)                              Organization
    practitioner.practitioner(clinician, language)                 Practitioner
    practitioner_role.practitioner_role(clinician, clinic, language)  PractitionerRole
    goal.goal(row, patient, values, language)                      Goal
    care_plan.care_plan(patient, actions, goals, clinicians, language)        CarePlan "My plan"
    care_plan.flare_up_plan(patient, data, labels, clinicians, language, part_of)  the flare-up plan
    observation.check_in_observations(check_in, patient)           Observations of a check-in
    checks.check(resource), checks.validate(resource), checks.validate_bundle(bundle)

Questionnaire, QuestionnaireResponse and the score Observations come from
betterback.questionnaires.fhir and are not repeated here. The functions read only what they are
given (a caller loads related rows first) and never query the database; references are relative
("Patient/<id>") until betterback.exchange.bundle links them inside a Bundle. docs/fhir.md has the
codes, systems and choices.
"""
