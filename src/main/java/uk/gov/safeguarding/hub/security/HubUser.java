package uk.gov.safeguarding.hub.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A person signed in to the pages (SPEC §10): what they may see is what an API client of the same role and scope
 * may, through the same queries ({@link #client()}).
 */
public final class HubUser implements UserDetails {

    private final HubClient client;
    private final String passwordHash;

    HubUser(SecurityProperties.PageUser user) {
        this.client = new HubClient(user.username(), user.role(), Set.copyOf(user.scope()));
        this.passwordHash = "{bcrypt}" + user.passwordBcrypt();
    }

    /** The user as the hub's queries and rules know callers. */
    public HubClient client() {
        return client;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + client.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return client.name();
    }
}
