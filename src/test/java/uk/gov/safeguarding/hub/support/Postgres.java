package uk.gov.safeguarding.hub.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL 17 server for the integration suite, without Docker: one embedded server per test JVM
 * (zonky's binaries from Maven Central), and a fresh database in it for each Spring context. The hub runs the
 * same Flyway migrations on it as in production, and runs with least privilege as there: each database is owned by
 * {@value #OWNER}, who migrates it, and the hub connects as {@value #RUNTIME}, granted only what it needs.
 */
public final class Postgres {

    public static final String OWNER = "hub_owner";
    public static final String RUNTIME = "hub_runtime";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private Postgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
                try (Connection connection = server.getPostgresDatabase().getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER + "'");
                    statement.execute("CREATE ROLE " + RUNTIME + " LOGIN PASSWORD '" + RUNTIME + "'");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create the hub's roles", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's temporary folder goes with it
                }
            }));
        }
        return server;
    }

    /** Creates a new, empty database owned by {@value #OWNER} and returns its JDBC URL. */
    public static String newDatabase(String name) {
        String database = name.replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database + " OWNER " + OWNER);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }

    /** Points the Spring context under test at a new PostgreSQL database: migrated by its owner, used by the runtime role. */
    public static void register(DynamicPropertyRegistry registry, String name) {
        String url = newDatabase(name);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> RUNTIME);
        registry.add("spring.datasource.password", () -> RUNTIME);
        registry.add("spring.flyway.user", () -> OWNER);
        registry.add("spring.flyway.password", () -> OWNER);
    }
}
