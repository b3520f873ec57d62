package uk.gov.safeguarding.hub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.net.URI;

/**
 * The one way the hub writes an RFC 9457 problem (SPEC §6), whether from a controller, a filter before any
 * controller, or Tomcat itself: the same fields, written by Jackson (with Spring's problem-detail mix-in).
 */
public final class ProblemWriter {

    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    private ProblemWriter() {
    }

    /** @param instance the request path, or null; a path that is not a URI is left out */
    public static ProblemDetail problem(HttpStatus status, String title, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (instance != null) {
            try {
                problem.setInstance(URI.create(instance));
            } catch (IllegalArgumentException notAUri) {
                // a refused request's path may not even be a URI; the problem goes without its instance
            }
        }
        return problem;
    }

    /** Writes a problem as the whole response, for code that runs before any controller. */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }

    /** A problem as the map an error controller answers with. */
    @SuppressWarnings("unchecked")
    public static java.util.Map<String, Object> asMap(ProblemDetail problem) {
        return JSON.convertValue(problem, java.util.LinkedHashMap.class);
    }

    public static String json(ProblemDetail problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem detail could not be written", e);
        }
    }
}
