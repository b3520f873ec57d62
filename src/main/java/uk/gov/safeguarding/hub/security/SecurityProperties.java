package uk.gov.safeguarding.hub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * API clients and their keys, and console users. Keys are held only as SHA-256 hashes; each client may have several (rotation).
 *
 * @param demoCredentials true while the local demo credentials of SPEC §8 are configured
 */
@ConfigurationProperties("hub.security")
public record SecurityProperties(boolean demoCredentials, List<ApiKeyClient> apiKeys, List<ConsoleUser> consoleUsers,
                                 Limit rateLimit, Limit loginAttempts) {

    public SecurityProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        consoleUsers = consoleUsers == null ? List.of() : List.copyOf(consoleUsers);
        rateLimit = rateLimit == null ? new Limit(1200, Duration.ofMinutes(1)) : rateLimit;
        loginAttempts = loginAttempts == null ? new Limit(5, Duration.ofMinutes(5)) : loginAttempts;
    }

    /** At most {@code requests} in any {@code period}, refilled smoothly. */
    public record Limit(long requests, Duration period) {

        public Limit {
            period = period == null ? Duration.ofMinutes(1) : period;
        }
    }

    /** An operations user of the console; the password is held only as a bcrypt hash. */
    public record ConsoleUser(String username, String passwordBcrypt) {
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
