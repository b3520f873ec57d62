package uk.gov.safeguarding.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged hub run as its own operating-system process by its production launcher, {@code bin/hub} (unpacked,
 * with its class-data sharing archive and {@code config/jvm.options}), to be killed and restarted as a real one would.
 */
public final class HubProcess {

    private static final Path LAUNCHER = Path.of("bin", "hub").toAbsolutePath();
    private static boolean prepared;
    private final int port;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    public HubProcess(int port, Path log, List<String> arguments) {
        this.port = port;
        this.log = log;
        this.arguments = List.copyOf(arguments);
    }

    public void start() {
        launch();
        awaitHealthy(Duration.ofSeconds(90));
    }

    /** For a start that must fail: the exit status, once the process has ended by itself within {@code timeout}. */
    public int startExpectingExit(Duration timeout) throws InterruptedException {
        launch();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            throw new IllegalStateException("The hub was still running " + timeout + " after it was started; see " + log);
        }
        return process.exitValue();
    }

    private void launch() {
        prepareOnce();
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "--server.port=" + port));
        command.addAll(arguments);
        try {
            process = launcher(command).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** bin/hub's one-off unpacking and training run for the jar just packaged, before the first start is timed. */
    private static synchronized void prepareOnce() {
        if (prepared) {
            return;
        }
        if (System.getProperty("hub.jar") == null) {
            throw new IllegalStateException("Run with mvn verify: the hub is started from the packaged jar");
        }
        try {
            ProcessBuilder preparation = launcher(List.of(LAUNCHER.toString())).inheritIO();
            preparation.environment().put("HUB_PREPARE_ONLY", "1");
            Process run = preparation.start();
            if (!run.waitFor(5, TimeUnit.MINUTES) || run.exitValue() != 0) {
                run.destroyForcibly();
                throw new IllegalStateException("bin/hub could not prepare the packaged hub");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        prepared = true;
    }

    /** The launcher with the tests' own Java first on the path. */
    private static ProcessBuilder launcher(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator
                + System.getenv("PATH"));
        builder.environment().remove("JDK_JAVA_OPTIONS");
        return builder;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** SIGTERM, and wait for the process to exit on its own. */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            throw new IllegalStateException("The hub did not exit within " + timeout + " of SIGTERM");
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The hub exited during start-up; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The hub was not healthy within " + timeout + "; see " + log);
    }
}
