package uk.gov.safeguarding.hub.resilience;

import org.junit.jupiter.api.Test;
import uk.gov.safeguarding.hub.support.FreePort;
import uk.gov.safeguarding.hub.support.HubDataDir;
import uk.gov.safeguarding.hub.support.HubProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start that fails at its last step — here Camel refusing routes loaded twice, after the broker, the outbox relay
 * and the web server have started — ends the process at once with a failure status, so that whatever supervises the
 * hub sees it; it does not linger for a minute on the broker's in-VM client threads with its relay still running.
 */
class FailedStartIT {

    @Test
    void aStartFailingAtItsLastStepEndsTheProcessWithAFailureStatus() throws Exception {
        Path dataDir = HubDataDir.create("failed-start");
        Path log = dataDir.resolve("hub.log");
        HubProcess hub = new HubProcess(FreePort.find(), log, List.of("--hub.data-dir=" + dataDir,
                "--camel.main.routes-include-pattern=classpath:routes/*.yaml,classpath:routes/delivery.yaml"));

        int exitStatus = hub.startExpectingExit(Duration.ofSeconds(40));

        assertThat(exitStatus).isEqualTo(1);
        assertThat(Files.readString(log)).contains("Server is now active", "Tomcat started on port", "Application run failed");
    }
}
