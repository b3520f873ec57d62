package uk.gov.safeguarding.hub.routing;

/** The statutory recipients of a serious-incident notification (SPEC §2). */
public enum Recipient {
    NATIONAL_PANEL, OFSTED, DFE, SECRETARY_OF_STATE, PARTNERSHIP
}
