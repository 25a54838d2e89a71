"""A patient's data as FHIR R4 resources: one pure mapping per resource, one module each.

    patient.patient(patient)                                       Patient
    organization.organization(clinic)                              Organization
    practitioner.practitioner(clinician, language)                 Practitioner
    practitioner_role.practitioner_role(clinician, clinic, language)  PractitionerRole
    questionnaire.questionnaire(instrument, language, variant)     Questionnaire
    questionnaire_response.questionnaire_response(response, instrument, language)
                                                                   QuestionnaireResponse
    score_observation.score_observations(response, instrument)     Observations of its scores
    goal.goal(row, patient, values, language)                      Goal
    care_plan.care_plan(patient, actions, goals, clinicians, language)        CarePlan "My plan"
    care_plan.flare_up_plan(patient, data, labels, clinicians, language, part_of)  the flare-up plan
    observation.check_in_observations(check_in, patient)           Observations of a check-in
    checks.check(resource), checks.validate(resource)              every resource above
    checks.check_bundle(bundle), checks.validate_bundle(bundle)    a Bundle of them

common holds what they share: the base URL, codings, drop_none, name-based ids and references.
The functions read only what they are given (a caller loads related rows first) and never query
the database; references are relative ("Patient/<id>") until betterback.exchange.bundle links them
inside a Bundle. docs/fhir.md has the codes, systems and choices.
"""
