package uk.gov.safeguarding.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Security events, one line each in one format for whoever watches the logs (logger {@code hub.security-events}):
 * {@code security-event=<kind> address=<client address> client=<API client or user, or -> path=<path> detail="..."}.
 * Values are cleaned of quotes and control characters, so that no request can forge a line.
 */
final class SecurityEvents {

    private static final Logger log = LoggerFactory.getLogger("hub.security-events");
    private static final String ACKNOWLEDGEMENT_LINKS = "/acknowledgements/";

    private SecurityEvents() {
    }

    enum Kind { SIGN_IN_FAILED, SIGN_IN_THROTTLED, UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED }

    static void signInFailed(HttpServletRequest request, String username, Duration wait) {
        record(Kind.SIGN_IN_FAILED, request, username, wait.isZero() ? "wrong username or password"
                : "wrong username or password; this address waits " + wait.toSeconds() + " s before trying this name again");
    }

    static void signInThrottled(HttpServletRequest request, String username, Duration wait) {
        record(Kind.SIGN_IN_THROTTLED, request, username,
                "refused unchecked: this address must wait " + RateLimits.retryAfterSeconds(wait) + " s more for this name");
    }

    static void unauthenticated(HttpServletRequest request, boolean keyGiven) {
        record(Kind.UNAUTHENTICATED, request, null, keyGiven ? "an API key that matches no client" : "no API key");
    }

    static void forbidden(HttpServletRequest request, String client) {
        record(Kind.FORBIDDEN, request, client, request.getMethod() + " not allowed for this client's role");
    }

    static void rateLimited(HttpServletRequest request, String client, long retryAfterSeconds) {
        record(Kind.RATE_LIMITED, request, client, (client == null ? "unauthenticated requests from this address"
                : "requests of this API client") + " over the limit; retry after " + retryAfterSeconds + " s");
    }

    private static void record(Kind kind, HttpServletRequest request, String client, String detail) {
        log.warn("security-event={} address={} client={} path={} detail=\"{}\"", kind, field(request.getRemoteAddr()),
                client == null || client.isBlank() ? "-" : field(client), field(withoutToken(request.getRequestURI())), clean(detail));
    }

    /** An acknowledgement link's token is its authority: it never reaches a log. */
    static String withoutToken(String path) {
        return path.startsWith(ACKNOWLEDGEMENT_LINKS) ? ACKNOWLEDGEMENT_LINKS + "(token)" : path;
    }

    /** A value between spaces: cleaned, and without spaces of its own that could start another field. */
    static String field(String value) {
        return clean(value).replaceAll("\\s", "_");
    }

    /** Only printable characters, no quotes or backslashes that could end the value early, at most 200 of them. */
    static String clean(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder cleaned = new StringBuilder(Math.min(value.length(), 200));
        value.codePoints().limit(200).forEach(c -> cleaned.appendCodePoint(
                Character.isISOControl(c) || c == '"' || c == '\\' || Character.getType(c) == Character.LINE_SEPARATOR
                        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? '_' : c));
        return cleaned.toString();
    }
}
