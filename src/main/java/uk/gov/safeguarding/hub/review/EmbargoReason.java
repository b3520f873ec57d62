package uk.gov.safeguarding.hub.review;

/** Why an LCSPR's publication is held back (SPEC §11). */
public enum EmbargoReason { CRIMINAL_PROCEEDINGS, CORONER, OTHER }
