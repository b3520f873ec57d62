package uk.gov.safeguarding.hub.routing;

/**
 * The statutory recipients of a serious-incident notification (SPEC §2). PARTNERSHIP is always the partnership of
 * the notification's own local authority (SPEC §9); the others are national.
 */
public enum Recipient {
    NATIONAL_PANEL("Child Safeguarding Practice Review Panel"),
    OFSTED("Ofsted"),
    DFE("Department for Education"),
    SECRETARY_OF_STATE("Secretary of State for Education"),
    PARTNERSHIP("Local safeguarding partnership");

    private final String displayName;

    Recipient(String displayName) {
        this.displayName = displayName;
    }

    /** What people read; for PARTNERSHIP prefer the partnership's own name ({@link RecipientChannels#nameOf}). */
    public String displayName() {
        return displayName;
    }

    public boolean national() {
        return this != PARTNERSHIP;
    }
}
