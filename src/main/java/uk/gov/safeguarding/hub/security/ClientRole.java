package uk.gov.safeguarding.hub.security;

/** The kinds of API client of SPEC §1 and §9. */
public enum ClientRole {
    /** a Children's Trust or local-authority case system; scope: one or more local authority codes */
    TRUST,
    /** a local safeguarding partnership; scope: one or more local authority codes */
    PARTNERSHIP,
    /** a national recipient agency; scope: one national recipient code */
    AGENCY,
    /** operations staff; scope: everything */
    OPERATIONS
}
