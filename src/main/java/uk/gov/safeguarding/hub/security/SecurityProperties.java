package uk.gov.safeguarding.hub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * API clients and their keys, and the people who sign in to the pages (SPEC §10). Keys are held only as SHA-256
 * hashes, each client may have several (rotation); passwords only as bcrypt hashes.
 *
 * @param demoCredentials true while the local demo credentials of SPEC §8 are configured
 */
@ConfigurationProperties("hub.security")
public record SecurityProperties(boolean demoCredentials, List<ApiKeyClient> apiKeys, List<PageUser> users,
                                 Limit rateLimit, Limit unauthenticatedRateLimit, SignIn signIn) {

    public SecurityProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        users = users == null ? List.of() : List.copyOf(users);
        rateLimit = rateLimit == null ? new Limit(1200, Duration.ofMinutes(1)) : rateLimit;
        unauthenticatedRateLimit = unauthenticatedRateLimit == null ? new Limit(120, Duration.ofMinutes(1)) : unauthenticatedRateLimit;
        signIn = signIn == null ? new SignIn(3, Duration.ofSeconds(2), Duration.ofMinutes(5)) : signIn;
    }

    /**
     * The sign-in throttle per client address and username: {@code freeFailures} wrong passwords, then a wait of
     * {@code firstWait} doubled with each further one, at most {@code longestWait}.
     */
    public record SignIn(int freeFailures, Duration firstWait, Duration longestWait) {

        public SignIn {
            firstWait = firstWait == null ? Duration.ofSeconds(2) : firstWait;
            longestWait = longestWait == null ? Duration.ofMinutes(5) : longestWait;
        }
    }

    /** At most {@code requests} in any {@code period}, refilled smoothly. */
    public record Limit(long requests, Duration period) {

        public Limit {
            period = period == null ? Duration.ofMinutes(1) : period;
        }
    }

    /**
     * A person who signs in to the pages, with a role and scope as an API client has (SPEC §10); the password is
     * held only as a bcrypt hash.
     */
    public record PageUser(String username, String passwordBcrypt, ClientRole role, List<String> scope) {

        public PageUser {
            scope = scope == null ? List.of() : List.copyOf(scope);
        }
    }

    /**
     * @param scope for TRUST and PARTNERSHIP the ONS codes of their local authorities, for AGENCY its national
     *              recipient code, for OPERATIONS {@code ALL} (SPEC §9)
     */
    public record ApiKeyClient(String client, ClientRole role, List<String> scope, List<String> keySha256) {

        public ApiKeyClient {
            scope = scope == null ? List.of() : List.copyOf(scope);
            keySha256 = keySha256 == null ? List.of() : List.copyOf(keySha256);
        }
    }
}
