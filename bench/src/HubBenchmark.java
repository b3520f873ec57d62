import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hub's benchmark (issue 14), run by bench/run.sh: in one run, the raw Artemis anchor (embedded, persistent NIO
 * journal as the hub's, in-VM JMS, transacted send and receive with one message per commit) and the packaged hub as
 * its own process on H2 and on the embedded PostgreSQL, emails to the outbox: start-up until healthy, then after a
 * warm-up (paced load until the JIT has compiled the hot paths) closed-loop intake (16 clients), sustained fan-out
 * and the CPU used after the intake until its last email, open-loop paced load with accepted-to-every-email-written
 * percentiles, resident memory after the load. Prints one table with the ratios and writes it to target/bench/results.md; the hub records a JFR profile to
 * target/bench/hub-<database>.jfr (not with --no-profile). With --short, a shorter run that exits 1 when the hub's
 * fan-out falls below --least-fan-out-ratio (default 0.5, the target) of the anchor's rate: the regression check.
 * The 4+4 anchor is measured again after each hub run, and each run is compared with the anchors on either side of it.
 */
public final class HubBenchmark {

    private static final int RECIPIENTS_PER_NOTIFICATION = 4;
    private static final int CLIENTS = 16;
    private static final int WARM_UP_RATE = 40;
    private static final Pattern REFERENCE = Pattern.compile("BENCH-[0-9a-f]{8}-[a-z0-9]+-\\d+");
    private static final Path OUT = Path.of("target", "bench");
    /** wrk on the PATH, if installed: the closed loop's load generator (else the JVM's HttpClient). */
    private static final Optional<Path> WRK = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
            .map(directory -> Path.of(directory, "wrk")).filter(Files::isExecutable).findFirst();

    public static void main(String[] args) throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            e.printStackTrace();
            System.exit(2);
        });
        boolean shortForm = List.of(args).contains("--short");
        boolean profiled = !List.of(args).contains("--no-profile");
        List<String> databases = List.of(argument(args, "--databases", "h2,postgresql").split(","));
        List<String> hubArguments = words(argument(args, "--hub-arguments", ""));
        double leastFanOutRatio = Double.parseDouble(argument(args, "--least-fan-out-ratio", "0.5"));
        Files.createDirectories(OUT);
        Duration measure = shortForm ? Duration.ofSeconds(5) : Duration.ofSeconds(10);
        Duration warmUp = Duration.ofSeconds(Long.parseLong(argument(args, "--warm-up-seconds", shortForm ? "60" : "90")));
        Duration intake = Duration.ofSeconds(Long.parseLong(argument(args, "--intake-seconds", String.valueOf(measure.toSeconds()))));

        Map<String, String> rows = new LinkedHashMap<>();
        // the machine's speed drifts within minutes: the 4+4 anchor is measured again after each hub run, and each
        // run's fan-out is compared with the mean of the anchors just before and just after it
        double anchorBefore = artemisAnchor(4, measure);
        double anchor8 = artemisAnchor(8, measure);
        StringBuilder anchors = new StringBuilder("%.0f msg/s before the hub".formatted(anchorBefore));
        rows.put("raw Artemis anchor, 4+4 sessions", ""); // first in the table, filled in once every run is done
        rows.put("raw Artemis anchor, 8+8 sessions", "%.0f msg/s".formatted(anchor8));
        boolean belowTarget = false;
        for (String database : databases) {
            HubRun run = measureHub(database, hubArguments, shortForm, profiled, warmUp, intake);
            double anchorAfter = artemisAnchor(4, measure);
            anchors.append(", %.0f after %s".formatted(anchorAfter, database));
            double anchor4 = (anchorBefore + anchorAfter) / 2;
            anchorBefore = anchorAfter;
            String db = " (" + database + ")";
            rows.put("start-up until healthy" + db, "%.1f s".formatted(run.startupSeconds));
            String loadGenerator = WRK.isPresent() ? "wrk" : "Java HttpClient";
            rows.put("intake, 16 connections (" + loadGenerator + "), closed loop" + db,
                    "%.0f notifications/s, p50 %.0f ms, p99 %.0f ms".formatted(run.intakeRate, run.intakeP50Millis,
                            run.intakeP99Millis));
            rows.put("sustained fan-out" + db, "%.0f deliveries/s = %.2f × the 4+4 anchor around it (%.0f msg/s)".formatted(
                    run.fanOutRate, run.fanOutRate / anchor4, anchor4));
            rows.put("fan-out while intake runs" + db, "%d of %d emails written during the %d s of intake".formatted(
                    run.emailsDuringIntake, run.acceptedDuringIntake * RECIPIENTS_PER_NOTIFICATION, intake.toSeconds()));
            rows.put("CPU after the intake until every email is written" + db, run.cpuAfterIntake);
            run.paced.forEach((rate, result) -> rows.put("accepted → every email written, %d/s for %d s%s".formatted(
                    rate, result.seconds, db), result.describe()));
            rows.put("resident memory after the load" + db, "%.0f MiB".formatted(run.residentMiB));
            rows.put("data directory after the load" + db, "%.0f MiB".formatted(run.dataDirMiB)
                    + (run.databaseMiB > 0 ? ", of which the H2 database %.0f MiB".formatted(run.databaseMiB) : ""));
            belowTarget |= run.fanOutRate / anchor4 < leastFanOutRatio;
        }
        rows.put("raw Artemis anchor, 4+4 sessions", anchors.toString());
        StringBuilder table = new StringBuilder("| figure | measured |\n|---|---|\n");
        rows.forEach((figure, value) -> table.append("| ").append(figure).append(" | ").append(value).append(" |\n"));
        String machine = Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
        String report = "Measured " + LocalDate.now() + " on " + machine + (shortForm ? " (short form)" : "")
                + (profiled ? ", the hub profiled by JFR" : ", without the profiler") + "\n\n" + table;
        System.out.println();
        System.out.println(report);
        Files.writeString(OUT.resolve(shortForm ? "results-short.md" : "results.md"), report);
        if (shortForm && belowTarget) {
            System.out.printf("REGRESSION: the hub's sustained fan-out is below %.2f × the raw Artemis anchor%n", leastFanOutRatio);
            System.exit(1);
        }
        System.exit(0);
    }

    private static List<String> words(String text) {
        return List.of(text.split(" ")).stream().filter(word -> !word.isBlank()).toList();
    }

    private static String argument(String[] args, String name, String otherwise) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return otherwise;
    }

    // ---------------------------------------------------------------- the raw Artemis anchor

    static double artemisAnchor(int sessions, Duration measure) throws Exception {
        Path dir = Files.createTempDirectory("bench-artemis");
        Configuration configuration = new ConfigurationImpl().setPersistenceEnabled(true).setSecurityEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .addAcceptorConfiguration("in-vm", "vm://7");
        configuration.addQueueConfiguration(QueueConfiguration.of("bench").setRoutingType(RoutingType.ANYCAST));
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(configuration).start();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong received = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://7");
             Connection connection = factory.createConnection()) {
            connection.start();
            String body = "x".repeat(400);
            for (int i = 0; i < sessions; i++) {
                Session producerSession = connection.createSession(true, Session.SESSION_TRANSACTED);
                Session consumerSession = connection.createSession(true, Session.SESSION_TRANSACTED);
                Queue queue = producerSession.createQueue("bench");
                MessageProducer producer = producerSession.createProducer(queue);
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                MessageConsumer consumer = consumerSession.createConsumer(queue);
                threads.add(started(() -> {
                    try {
                        while (running.get()) {
                            producer.send(producerSession.createTextMessage(body));
                            producerSession.commit();
                        }
                    } catch (Exception e) {
                        if (running.get()) {
                            throw new IllegalStateException(e);
                        }
                    }
                }));
                threads.add(started(() -> {
                    try {
                        while (running.get()) {
                            Message message = consumer.receive(100);
                            if (message != null) {
                                consumerSession.commit();
                                received.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        if (running.get()) {
                            throw new IllegalStateException(e);
                        }
                    }
                }));
            }
            Thread.sleep(2_000);
            long before = received.get();
            long start = System.nanoTime();
            Thread.sleep(measure.toMillis());
            double rate = (received.get() - before) / ((System.nanoTime() - start) / 1e9);
            running.set(false);
            for (Thread thread : threads) {
                thread.join(5_000);
            }
            System.out.printf("raw Artemis, %d+%d sessions: %.0f msg/s%n", sessions, sessions, rate);
            return rate;
        } finally {
            server.stop();
            deleteRecursively(dir);
        }
    }

    // ---------------------------------------------------------------- the hub

    static final class HubRun {
        double startupSeconds;
        double intakeRate;
        double intakeP50Millis;
        double intakeP99Millis;
        double fanOutRate;
        int acceptedDuringIntake;
        int emailsDuringIntake;
        String cpuAfterIntake;
        final Map<Integer, Paced> paced = new LinkedHashMap<>();
        double residentMiB;
        double dataDirMiB;
        double databaseMiB;
    }

    record Paced(int rate, long seconds, int sent, int completed, double p50Millis, double p99Millis, double maxMillis) {

        String describe() {
            return "%d of %d complete, p50 %.0f ms, p99 %.0f ms, max %.0f ms".formatted(completed, sent, p50Millis,
                    p99Millis, maxMillis);
        }
    }

    static HubRun measureHub(String database, List<String> hubArguments, boolean shortForm, boolean profiled,
                          Duration warmUp, Duration measure)
            throws Exception {
        Path data = Files.createTempDirectory("bench-hub-" + database);
        Path outbox = Files.createDirectories(data.resolve("outbox"));
        int port = 18_080;
        // the hub as production starts it (bin/hub: unpacked, class-data sharing, config/jvm.options), profiled
        List<String> command = new ArrayList<>(List.of("bin/hub", "--server.port=" + port, "--hub.data-dir=" + data,
                "--hub.security.rate-limit.requests=100000000", "--hub.security.unauthenticated-rate-limit.requests=100000000"));
        EmbeddedPostgres postgres = null;
        Optional<ProcessHandle> postmaster = Optional.empty();
        if (database.equals("postgresql")) {
            postgres = EmbeddedPostgres.builder().start();
            try (java.sql.Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE ROLE hub_owner LOGIN PASSWORD 'hub_owner'");
                statement.execute("CREATE ROLE hub_runtime LOGIN PASSWORD 'hub_runtime'");
                statement.execute("CREATE DATABASE hub OWNER hub_owner");
                // this connection's server process is a child of the embedded server's postmaster: its processes
                // are the postmaster and its descendants, whatever other PostgreSQL servers the machine runs
                try (var backend = statement.executeQuery("SELECT pg_backend_pid()")) {
                    backend.next();
                    postmaster = ProcessHandle.of(backend.getLong(1)).flatMap(ProcessHandle::parent);
                }
            }
            command.addAll(List.of("--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/hub",
                    "--spring.datasource.username=hub_runtime", "--spring.datasource.password=hub_runtime",
                    "--spring.flyway.user=hub_owner", "--spring.flyway.password=hub_owner"));
        }
        command.addAll(hubArguments);
        HubRun run = new HubRun();
        long launched = System.nanoTime();
        ProcessBuilder launch = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve("hub.log").toFile());
        if (profiled) {
            launch.environment().put("JDK_JAVA_OPTIONS", "-XX:StartFlightRecording=filename="
                    + OUT.resolve("hub-" + database + ".jfr").toAbsolutePath() + ",settings=profile,dumponexit=true");
        }
        Process hub = launch.start();
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS)).build();
        String base = "http://localhost:" + port;
        try (OutboxWatcher emails = new OutboxWatcher(outbox)) {
            awaitHealthy(client, base, hub);
            run.startupSeconds = (System.nanoTime() - launched) / 1e9;
            System.out.printf("%s: healthy after %.1f s%n", database, run.startupSeconds);
            String runId = UUID.randomUUID().toString().substring(0, 8);

            // warm-up: paced load that the hub keeps up with, until the JIT has compiled the hot paths (on 2 cores its
            // C2 compiler is busy for about 90 s of load), so that the figures are those of a hub that has been running;
            // start-up is measured above, cold
            Paced warmedUp = paced(client, base, emails, runId, WARM_UP_RATE, (int) warmUp.toSeconds());
            int emailsBefore = emails.count();
            System.out.printf("%s: warmed up with %d notifications at %d/s%n", database, warmedUp.sent, WARM_UP_RATE);

            // closed loop: 16 connections post as fast as the hub answers
            long intakeStart = System.nanoTime();
            System.out.printf("%s: intake from %s (to find it in the profile)%n", database, java.time.LocalTime.now());
            ClosedLoop intake = WRK.isPresent() ? wrkClosedLoop(base, runId, measure) : closedLoop(client, base, runId, measure);
            run.acceptedDuringIntake = intake.accepted;
            run.emailsDuringIntake = emails.count() - emailsBefore;
            run.intakeRate = intake.accepted / intake.seconds;
            run.intakeP50Millis = intake.p50Millis;
            run.intakeP99Millis = intake.p99Millis;
            int expected = emailsBefore + intake.accepted * RECIPIENTS_PER_NOTIFICATION;
            CpuUse intakeEnded = CpuUse.now(hub.pid(), postmaster);
            long drained = emails.awaitCount(expected, Duration.ofMinutes(5));
            run.cpuAfterIntake = CpuUse.now(hub.pid(), postmaster).since(intakeEnded);
            run.fanOutRate = (emails.count() - emailsBefore) / ((drained - intakeStart) / 1e9);
            System.out.printf("%s: intake %.0f/s; %d emails in %.1f s%n", database, run.intakeRate,
                    emails.count() - emailsBefore, (drained - intakeStart) / 1e9);

            // open loop: notifications at a fixed rate, each timed from its 202 to its last email
            List<int[]> schedule = shortForm ? List.of(new int[]{50, 10}) : List.of(new int[]{5, 20}, new int[]{20, 20},
                    new int[]{50, 60});
            for (int[] step : schedule) {
                run.paced.put(step[0], paced(client, base, emails, runId, step[0], step[1]));
                System.out.printf("%s: paced %d/s: %s%n", database, step[0], run.paced.get(step[0]).describe());
            }
            run.residentMiB = residentMiB(hub.pid());
        } finally {
            hub.destroy();
            if (!hub.waitFor(60, TimeUnit.SECONDS)) {
                hub.destroyForcibly();
            }
            if (postgres != null) {
                postgres.close();
            }
            // measured, then removed: a run leaves gigabytes behind (the embedded database's file grows under load)
            run.dataDirMiB = sizeMiB(data);
            run.databaseMiB = sizeMiB(data.resolve("db"));
            deleteRecursively(data);
        }
        return run;
    }

    /** What a closed loop of the benchmark's clients posted: how many were accepted, and the answers' latencies. */
    record ClosedLoop(int accepted, double p50Millis, double p99Millis, double seconds) {
    }

    /**
     * The closed loop run by wrk, a load generator in C that needs far less of the machine's two cores than the JVM's
     * HttpClient, so that the hub has them: 16 connections on two threads, each request a new notification.
     */
    private static ClosedLoop wrkClosedLoop(String base, String runId, Duration duration) throws Exception {
        LocalDate today = LocalDate.now();
        Process wrk = new ProcessBuilder(WRK.get().toString(), "-t2", "-c" + CLIENTS, "-d" + duration.toSeconds() + "s",
                "--timeout", "60s", "-s", "bench/intake.lua", base, "--", "BENCH-" + runId,
                today.minusDays(3).toString(), today.minusDays(2).toString())
                .redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher result = Pattern.compile("INTAKE accepted=(\\d+) others=(\\d+) socket_errors=(\\d+) micros=(\\d+) p50=(\\d+) p99=(\\d+)")
                .matcher(output);
        if (wrk.waitFor() != 0 || !result.find()) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        if (Integer.parseInt(result.group(2)) + Integer.parseInt(result.group(3)) > 0) {
            System.out.printf("intake: %s answers other than 202 and %s socket errors%n", result.group(2), result.group(3));
        }
        return new ClosedLoop(Integer.parseInt(result.group(1)), Long.parseLong(result.group(5)) / 1e3,
                Long.parseLong(result.group(6)) / 1e3, Long.parseLong(result.group(4)) / 1e6);
    }

    /** The clients post one after another, each as soon as its previous answer came, for the given time. */
    private static ClosedLoop closedLoop(HttpClient client, String base, String runId, Duration duration)
            throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> accepted = new CopyOnWriteArrayList<>();
        AtomicInteger sequence = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(started(() -> {
                while (System.nanoTime() < end) {
                    String reference = "BENCH-" + runId + "-c-" + sequence.incrementAndGet();
                    long sent = System.nanoTime();
                    int status = post(client, base, reference);
                    latencies.add(System.nanoTime() - sent);
                    if (status == 202) {
                        accepted.add(reference);
                    }
                }
            }));
        }
        for (Thread thread : clients) {
            thread.join();
        }
        return new ClosedLoop(accepted.size(), percentile(latencies, 50) / 1e6, percentile(latencies, 99) / 1e6,
                (System.nanoTime() - start) / 1e9);
    }

    private static Paced paced(HttpClient client, String base, OutboxWatcher emails, String runId, int rate, int seconds)
            throws Exception {
        Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        List<java.util.concurrent.CompletableFuture<?>> answers = new ArrayList<>();
        for (int i = 0; i < rate * seconds; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String reference = "BENCH-" + runId + "-p" + rate + "-" + i;
            sent.incrementAndGet();
            answers.add(client.sendAsync(request(base, reference), HttpResponse.BodyHandlers.discarding())
                    .thenAccept(response -> {
                        if (response.statusCode() == 202) {
                            acceptedAt.put(reference, System.nanoTime());
                        }
                    }));
        }
        for (var answer : answers) {
            answer.join();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && !emails.completedAll(acceptedAt.keySet(), RECIPIENTS_PER_NOTIFICATION)) {
            Thread.sleep(100);
        }
        List<Long> latencies = new ArrayList<>();
        acceptedAt.forEach((reference, at) -> {
            Long complete = emails.completedAt(reference, RECIPIENTS_PER_NOTIFICATION);
            if (complete != null) {
                latencies.add(Math.max(0, complete - at));
            }
        });
        return new Paced(rate, seconds, sent.get(), latencies.size(), percentile(latencies, 50) / 1e6,
                percentile(latencies, 99) / 1e6, latencies.isEmpty() ? 0 : Collections.max(latencies) / 1e6);
    }

    private static HttpRequest request(String base, String reference) {
        LocalDate today = LocalDate.now();
        String body = """
                {"trustReference": "%s", "localAuthority": "E08000028",
                 "incident": {"type": "DEATH", "occurredOn": "%s", "awareOn": "%s", "location": "IN_AREA",
                              "abuseOrNeglect": "SUSPECTED", "summary": "Benchmark notification"},
                 "children": [{"ageYears": 3, "sex": "FEMALE", "legalStatus": "NONE", "name": "Bench Child"}],
                 "notifier": {"name": "Bench", "role": "Benchmark", "email": "bench@trust.example.org"}}"""
                .formatted(reference, today.minusDays(3), today.minusDays(2));
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/notifications"))
                .header("Authorization", "Bearer local-trust-key").header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static int post(HttpClient client, String base, String reference) {
        try {
            return client.send(request(base, reference), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static void awaitHealthy(HttpClient client, String base, Process hub) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!hub.isAlive()) {
                throw new IllegalStateException("the hub exited during start-up; see its hub.log");
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the hub was not healthy within 120 s");
    }

    private static double percentile(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static double sizeMiB(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return 0;
        }
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum() / (1024.0 * 1024.0);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * The CPU used so far by the hub and by the embedded PostgreSQL server's processes (none on H2), and the machine's
     * idle time: two of them tell whether a stretch of the run was bound by CPU or by waiting (round trips, the
     * journal's syncs).
     */
    record CpuUse(long at, Duration hub, Map<Long, Duration> postgres, long idleTicks, long allTicks) {

        static CpuUse now(long hubPid, Optional<ProcessHandle> postmaster) throws IOException {
            Map<Long, Duration> postgres = new HashMap<>();
            postmaster.ifPresent(server -> Stream.concat(Stream.of(server), server.descendants()).forEach(process ->
                    process.info().totalCpuDuration().ifPresent(cpu -> postgres.put(process.pid(), cpu))));
            Duration hub = ProcessHandle.of(hubPid).flatMap(process -> process.info().totalCpuDuration()).orElse(Duration.ZERO);
            // the first line of /proc/stat: the machine's time in each state, in clock ticks; idle and waiting for I/O
            // are the fourth and fifth
            String[] ticks = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < ticks.length; i++) {
                all += Long.parseLong(ticks[i]);
            }
            return new CpuUse(System.nanoTime(), hub, postgres, Long.parseLong(ticks[4]) + Long.parseLong(ticks[5]), all);
        }

        String since(CpuUse before) {
            double seconds = (at - before.at) / 1e9;
            if (seconds < 1) {
                return "— (every email was written within a second of the intake's end)";
            }
            // a PostgreSQL process that ended meanwhile is left out, one that began counts from its start
            double postgresSeconds = postgres.entrySet().stream().mapToDouble(process -> (process.getValue().toNanos()
                    - before.postgres.getOrDefault(process.getKey(), Duration.ZERO).toNanos()) / 1e9).sum();
            double idle = 100.0 * (idleTicks - before.idleTicks) / Math.max(1, allTicks - before.allTicks);
            return "over %.1f s: the hub %.2f cores%s, the machine %.0f %% idle".formatted(seconds,
                    (hub.toNanos() - before.hub.toNanos()) / 1e9 / seconds,
                    postgres.isEmpty() ? "" : ", PostgreSQL %.2f cores".formatted(postgresSeconds / seconds), idle);
        }
    }

    private static double residentMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** Watches the hub's outbox (inotify): when each email was written, by the reference in its subject. */
    static final class OutboxWatcher implements AutoCloseable {

        private final Path dir;
        private final WatchService watcher;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final Map<String, List<Long>> writtenAt = new ConcurrentHashMap<>();
        private final AtomicInteger count = new AtomicInteger();
        private volatile long lastAt;
        private final Thread thread;

        OutboxWatcher(Path dir) throws IOException {
            this.dir = dir;
            this.watcher = FileSystems.getDefault().newWatchService();
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            this.thread = started(this::watch);
        }

        private void watch() {
            try {
                while (true) {
                    WatchKey key = watcher.take();
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                            try (var files = Files.list(dir)) {
                                files.forEach(this::record);
                            }
                        } else {
                            record(dir.resolve((Path) event.context()));
                        }
                    }
                    key.reset();
                }
            } catch (ClosedWatchServiceException | InterruptedException closed) {
                // the run is over
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void record(Path file) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".eml") || !seen.add(name)) {
                return;
            }
            long at = System.nanoTime();
            try {
                Matcher reference = REFERENCE.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
                if (reference.find()) {
                    writtenAt.computeIfAbsent(reference.group(), r -> new CopyOnWriteArrayList<>()).add(at);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            count.incrementAndGet();
            lastAt = at;
        }

        int count() {
            return count.get();
        }

        /** Waits until this many emails are written; returns when the last was. */
        long awaitCount(int expected, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return lastAt;
        }

        Long completedAt(String reference, int emails) {
            List<Long> times = writtenAt.get(reference);
            return times == null || times.size() < emails ? null : Collections.max(times);
        }

        boolean completedAll(Set<String> references, int emails) {
            return references.stream().allMatch(reference -> completedAt(reference, emails) != null);
        }

        @Override
        public void close() throws IOException {
            watcher.close();
            thread.interrupt();
        }
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static {
        Locale.setDefault(Locale.UK);
    }
}
