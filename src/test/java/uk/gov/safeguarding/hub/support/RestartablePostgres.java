package uk.gov.safeguarding.hub.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A PostgreSQL server of its own, on a fixed port and data folder, that a test can stop and start again. */
public final class RestartablePostgres {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    public RestartablePostgres(Path dataDir) {
        this.dataDir = dataDir;
        this.port = FreePort.find();
    }

    public synchronized void start() {
        try {
            server = EmbeddedPostgres.builder().setDataDirectory(dataDir.toFile()).setCleanDataDirectory(false)
                    .setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }
}
