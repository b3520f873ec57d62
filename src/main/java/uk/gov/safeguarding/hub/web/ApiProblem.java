package uk.gov.safeguarding.hub.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A refusal the API explains to its caller as an RFC 9457 problem; thrown by the features, rendered by
 * {@link ProblemDetailsAdvice}. Nothing has been changed when one is thrown.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ApiProblem(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", what + " does not exist or is not visible to this API key");
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid fields; nothing was stored", errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One invalid field: its JSON path and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
