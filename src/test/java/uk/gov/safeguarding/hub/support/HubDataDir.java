package uk.gov.safeguarding.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh data directory (broker journal, database, outbox) for one Spring context under test. */
public final class HubDataDir {

    private HubDataDir() {
    }

    public static Path create(String name) {
        try {
            Path dir = Path.of("target", "test-data");
            Files.createDirectories(dir);
            return Files.createTempDirectory(dir, name + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
