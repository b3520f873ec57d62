package uk.gov.safeguarding.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Sign-in with the {@link SignInThrottle}: while this address must wait for this name, the attempt is refused
 * without checking the password; a wrong password is counted and logged, a right one clears the count.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getParameter("username");
        Optional<Duration> wait = throttle.waitFor(request.getRemoteAddr(), username);
        if (wait.isPresent()) {
            SecurityEvents.signInThrottled(request, username, wait.get());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RateLimits.retryAfterSeconds(wait.get())));
            response.sendRedirect(request.getContextPath() + "/login?throttled");
            return;
        }
        chain.doFilter(request, response);
    }

    /** After a wrong password: counted against this address and name, logged, back to the sign-in page. */
    AuthenticationFailureHandler onFailure() {
        SimpleUrlAuthenticationFailureHandler back = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            String username = request.getParameter("username");
            SecurityEvents.signInFailed(request, username, throttle.failed(request.getRemoteAddr(), username));
            back.onAuthenticationFailure(request, response, exception);
        };
    }

    /** After a right password: this address's failures for the name are forgotten; on to the page asked for. */
    AuthenticationSuccessHandler onSuccess(RequestCache pageAskedFor, String defaultPage) {
        SavedRequestAwareAuthenticationSuccessHandler onwards = new SavedRequestAwareAuthenticationSuccessHandler();
        onwards.setRequestCache(pageAskedFor);
        onwards.setDefaultTargetUrl(defaultPage);
        return (request, response, authentication) -> {
            throttle.succeeded(request.getRemoteAddr(), request.getParameter("username"));
            onwards.onAuthenticationSuccess(request, response, authentication);
        };
    }
}
