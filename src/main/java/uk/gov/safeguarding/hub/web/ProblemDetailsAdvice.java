package uk.gov.safeguarding.hub.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jms.JmsException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** The one place that turns failures into RFC 9457 problem details (SPEC §6). */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem) {
        return problem(problem.status(), problem.title(), problem.getMessage(), problem.errors());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", e.getMessage(), List.of());
    }

    /** The database or broker is unreachable: nothing was accepted, and the caller should try again shortly. */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessException.class, JmsException.class})
    ResponseEntity<Object> unavailable(Exception e) {
        return unavailable(e, "The hub cannot reach its database or broker just now; nothing was accepted. Try again shortly.");
    }

    /**
     * A transaction's commit or rollback failed: the database went away during it. Whether a failed commit was made
     * cannot be told, so the answer does not say nothing was accepted; the same request again is answered as a
     * repeat (200, the same id) should it have been.
     */
    @ExceptionHandler(TransactionSystemException.class)
    ResponseEntity<Object> lostDuringCommit(TransactionSystemException e) {
        return unavailable(e, "The hub lost its database while storing this request. Send the same request again "
                + "shortly: if it was stored after all, the answer names it; otherwise it is stored then.");
    }

    private ResponseEntity<Object> unavailable(Exception e, String detail) {
        log.warn("A request could not be served because a backing service is unavailable: {}", e.getMessage());
        ResponseEntity<Object> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable", detail, List.of());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected failure answering a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The hub could not complete this request; nothing was accepted. Try again, or contact operations.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new ApiProblem.FieldError(e.getField(), e.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return apiProblem(ApiProblem.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<ApiProblem.FieldError> errors = ex.getAllErrors().stream()
                .map(e -> new ApiProblem.FieldError("body", e.getDefaultMessage()))
                .toList();
        return apiProblem(ApiProblem.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = causeOfType(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        return apiProblem(ApiProblem.invalid(List.of(unreadable(ex))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : ex.getMessage();
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        ResponseEntity<Object> response = problem(status, status.getReasonPhrase(), detail, List.of());
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(response.getBody());
    }

    private static ApiProblem.FieldError unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new ApiProblem.FieldError(path(unknown), "unknown field '" + unknown.getPropertyName()
                    + "'; known fields: " + unknown.getKnownPropertyIds());
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            // StrictJson's refusals say what was expected and what came; Jackson's own say less
            String said = mismatch.getOriginalMessage();
            return new ApiProblem.FieldError(path(mismatch), said != null && (said.startsWith("expected ")
                    || said.startsWith("must ")) ? said : "expected " + describe(mismatch.getTargetType()));
        }
        if (cause instanceof JsonParseException parse && parse.getMessage() != null
                && parse.getOriginalMessage().startsWith("Duplicate field")) {
            return new ApiProblem.FieldError("body", "a field appears twice: " + parse.getOriginalMessage());
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new ApiProblem.FieldError(path(mapping), "unreadable value");
        }
        if (cause instanceof JsonProcessingException json) {
            return new ApiProblem.FieldError("body", "not valid JSON: " + json.getOriginalMessage());
        }
        return new ApiProblem.FieldError("body", "a JSON body is required");
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return StrictJson.oneOf(type);
        }
        if (type == LocalDate.class) {
            return "a date YYYY-MM-DD";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a whole number";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail,
                                                  List<ApiProblem.FieldError> errors) {
        ProblemDetail problem = ProblemWriter.problem(status, title, detail, null);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
