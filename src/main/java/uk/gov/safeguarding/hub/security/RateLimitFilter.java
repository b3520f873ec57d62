package uk.gov.safeguarding.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                        "This API key has made too many requests; nothing was done. Try again in "
                                + decision.retryAfterSeconds() + " seconds.");
                problem.setTitle("Too many requests");
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
                response.setContentType("application/problem+json");
                mapper.writeValue(response.getOutputStream(), problem);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
