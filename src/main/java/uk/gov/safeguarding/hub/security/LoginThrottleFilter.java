package uk.gov.safeguarding.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Slows password guessing at the console: each username may try to sign in a few times per period (from any
 * address); past that the login page says to wait, and the password is not even checked. Names that are no
 * console user share one allowance, so that made-up names cannot grow the throttle's memory without bound.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final String UNKNOWN_USER = "(not a console user)";
    private final RateLimits attempts;
    private final Set<String> consoleUsers;

    LoginThrottleFilter(RateLimits attempts, Collection<String> consoleUsers) {
        this.attempts = attempts;
        this.consoleUsers = consoleUsers.stream().map(LoginThrottleFilter::normalised).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = normalised(String.valueOf(request.getParameter("username")));
        RateLimits.Decision decision = attempts.take(consoleUsers.contains(username) ? username : UNKNOWN_USER);
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            response.sendRedirect(request.getContextPath() + "/login?throttled");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String normalised(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }
}
