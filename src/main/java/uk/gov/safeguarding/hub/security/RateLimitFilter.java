package uk.gov.safeguarding.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import uk.gov.safeguarding.hub.web.ProblemWriter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Per API client: over {@code hub.security.rate-limit.*} requests in the period, 429 with Retry-After. */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final ObjectMapper mapper;

    RateLimitFilter(RateLimits limits, ObjectMapper mapper) {
        this.limits = limits;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof HubClient client) {
            RateLimits.Decision decision = limits.take(client.name());
            if (!decision.allowed()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
                ProblemWriter.write(response, ProblemWriter.problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                        "This API key has made too many requests; nothing was done. Try again in "
                                + decision.retryAfterSeconds() + " seconds.", null));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
