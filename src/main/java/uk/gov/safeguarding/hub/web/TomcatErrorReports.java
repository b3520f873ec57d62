package uk.gov.safeguarding.hub.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Requests Tomcat refuses before the application sees them (an encoded slash in the path, headers over the size
 * limit) are answered as RFC 9457 problem details like every other error of the hub, instead of Tomcat's HTML
 * page. Nothing of the request, the cause or the server is echoed.
 */
@Component
class TomcatErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** Created by Tomcat itself, by class name, for the host. */
    public static class ProblemErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // as Tomcat's own reports: nothing for a success, nothing over a body already written or a broken connection
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String problem = ProblemWriter.json(ProblemWriter.problem(known == null ? HttpStatus.BAD_REQUEST : known, title,
                    "The request was refused before it reached the hub: " + title.toLowerCase() + ".", null));
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("utf-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(problem);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client has gone or the response was committed meanwhile: nothing more can be said to it
            }
        }
    }
}
