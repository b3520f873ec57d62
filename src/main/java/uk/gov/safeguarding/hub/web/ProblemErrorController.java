package uk.gov.safeguarding.hub.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors raised before any controller is reached — a request the security firewall rejects, a refusal by the
 * console's filter chain, a path nothing serves — are answered as RFC 9457 problem details too, like every error of
 * the API ({@link ProblemDetailsAdvice}); browsers asking for HTML get the plain error page. Nothing of the cause
 * is shown.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController extends BasicErrorController {

    ProblemErrorController(ErrorAttributes errorAttributes, ServerProperties server) {
        super(errorAttributes, server.getError(), List.of());
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemDetail problem = ProblemWriter.problem(status, status.getReasonPhrase(), status.is5xxServerError()
                        ? "The hub could not complete this request; nothing was accepted. Try again, or contact operations."
                        : "The request was refused: " + status.getReasonPhrase().toLowerCase() + ".",
                path == null ? null : path.toString());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ProblemWriter.asMap(problem));
    }
}
