package uk.gov.safeguarding.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;

/**
 * Slows password guessing at the console: each username may try to sign in a few times per period (from any
 * address); past that the login page says to wait, and the password is not even checked.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final int LONGEST_USERNAME = 100;
    private final RateLimits attempts;

    LoginThrottleFilter(RateLimits attempts) {
        this.attempts = attempts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = String.valueOf(request.getParameter("username")).trim().toLowerCase(Locale.ROOT);
        if (username.length() > LONGEST_USERNAME) {
            username = username.substring(0, LONGEST_USERNAME);
        }
        RateLimits.Decision decision = attempts.take(username);
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            response.sendRedirect(request.getContextPath() + "/login?throttled");
            return;
        }
        chain.doFilter(request, response);
    }
}
