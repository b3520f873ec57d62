package uk.gov.safeguarding.hub.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The local authorities the hub serves (SPEC §9, {@code hub.authorities.<ONS code>.*}): each with its safeguarding
 * partnership's channels and its escalation contact groups. Checked when bound: the hub refuses to start, naming the
 * property, when an authority is incomplete.
 */
@ConfigurationProperties("hub")
public record AuthorityRegister(Map<String, Authority> authorities) {

    /** An English children's services authority: a unitary (E06), metropolitan district (E08), London borough (E09) or county (E10). */
    public static final Pattern ONS_CODE = Pattern.compile("E(06|08|09|10)\\d{6}");

    public AuthorityRegister {
        if (authorities == null || authorities.isEmpty()) {
            throw new IllegalStateException("hub.authorities is empty: register at least one local authority "
                    + "(see config/authorities.yml)");
        }
        Map<String, Authority> checked = new TreeMap<>();
        authorities.forEach((code, authority) -> checked.put(code, authority.checked(code)));
        authorities = Collections.unmodifiableMap(checked);
    }

    public Optional<Authority> find(String code) {
        return Optional.ofNullable(code).map(authorities::get);
    }

    public boolean registered(String code) {
        return find(code).isPresent();
    }

    /** The registered authority {@code code}; asking for an unregistered one is a programming or configuration error. */
    public Authority of(String code) {
        return find(code).orElseThrow(() -> new IllegalStateException(
                "Local authority " + code + " is not registered in hub.authorities"));
    }

    /** "Sandwell (E08000028)", or the bare code of an authority no longer registered. */
    public String label(String code) {
        return find(code).map(Authority::label).orElse(code);
    }

    /**
     * @param code     the ONS code, the key under {@code hub.authorities}
     * @param contacts escalation contact groups (e.g. {@code partnership-officer}) and their email addresses
     */
    public record Authority(String code, String name, Partnership partnership, Map<String, List<String>> contacts) {

        public Authority {
            contacts = contacts == null ? Map.of() : Map.copyOf(contacts);
        }

        public String label() {
            return name + " (" + code + ")";
        }

        /** The email addresses of a contact group; empty when the authority has no such group. */
        public List<String> contact(String group) {
            return contacts.getOrDefault(group, List.of());
        }

        private Authority checked(String key) {
            String property = "hub.authorities." + key;
            if (!ONS_CODE.matcher(key).matches()) {
                throw new IllegalStateException(property + ": '" + key + "' is not the ONS code of an English "
                        + "children's services authority (E06, E08, E09 or E10 and six digits, e.g. E08000028)");
            }
            if (name == null || name.isBlank()) {
                throw new IllegalStateException(property + ".name is missing: the authority's name, e.g. Sandwell");
            }
            if (partnership == null || partnership.name() == null || partnership.name().isBlank()) {
                throw new IllegalStateException(property + ".partnership.name is missing: the safeguarding "
                        + "partnership's name, e.g. Sandwell Children's Safeguarding Partnership");
            }
            if (partnership.channels().channels().isEmpty()) {
                throw new IllegalStateException(property + ".partnership has no channel: set .partnership.emails "
                        + "and/or .partnership.webhook.url");
            }
            contacts.forEach((group, emails) -> {
                if (emails == null || emails.isEmpty() || emails.stream().anyMatch(e -> e == null || e.isBlank())) {
                    throw new IllegalStateException(property + ".contacts." + group + " has no email address");
                }
            });
            return new Authority(key, name.trim(), partnership, contacts);
        }
    }

    /** The authority's local safeguarding partnership and how it is reached. */
    public record Partnership(String name, List<String> emails, RecipientDirectory.Webhook webhook) {

        public Partnership {
            emails = emails == null ? List.of() : List.copyOf(emails);
        }

        public RecipientDirectory.Channels channels() {
            return new RecipientDirectory.Channels(emails, webhook);
        }
    }
}
