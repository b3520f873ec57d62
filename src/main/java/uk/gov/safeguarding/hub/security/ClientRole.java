package uk.gov.safeguarding.hub.security;

/** The kinds of API client of SPEC §1. */
public enum ClientRole {
    /** a Children's Trust or local-authority case system; scope: one local authority code */
    TRUST,
    /** a recipient agency; scope: one recipient code */
    AGENCY,
    /** operations staff; scope: everything */
    OPERATIONS
}
