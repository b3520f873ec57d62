package uk.gov.safeguarding.hub.routing;

/**
 * Who a recipient of one notification is and how it is reached: the national recipients from
 * {@code hub.recipients}, PARTNERSHIP from the notification's own authority in {@code hub.authorities}.
 */
public final class RecipientChannels {

    private final RecipientDirectory national;
    private final AuthorityRegister authorities;

    public RecipientChannels(RecipientDirectory national, AuthorityRegister authorities) {
        this.national = national;
        this.authorities = authorities;
    }

    public RecipientDirectory.Channels of(Recipient recipient, String localAuthority) {
        return recipient.national() ? national.channelsOf(recipient)
                : authorities.of(localAuthority).partnership().channels();
    }

    /** "Sandwell (E08000028)": how people read a local authority. */
    public String authorityLabel(String localAuthority) {
        return authorities.label(localAuthority);
    }

    /** The name people read for a recipient code ("OFSTED" -> "Ofsted"); anything else as it is. */
    public String nameOfCode(String code) {
        for (Recipient recipient : Recipient.values()) {
            if (recipient.name().equals(code)) {
                return recipient.displayName();
            }
        }
        return code;
    }

    /** The name people read: "Ofsted", or the partnership's own name for PARTNERSHIP. */
    public String nameOf(Recipient recipient, String localAuthority) {
        return recipient.national() ? recipient.displayName()
                : authorities.find(localAuthority).map(a -> a.partnership().name()).orElse(recipient.displayName());
    }
}
