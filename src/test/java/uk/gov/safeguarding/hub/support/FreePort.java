package uk.gov.safeguarding.hub.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

public final class FreePort {

    /**
     * Below Linux's ephemeral range (32768 and up), so that a server bound to port 0 later (Tomcat, PostgreSQL)
     * is never given a port a test has chosen for a server it starts later or for a webhook that must be refused.
     */
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePort() {
    }

    /** A port nothing listens on now and that no other test has been given. */
    public static int find() {
        for (int tries = 0; tries < 1_000; tries++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            if (HANDED_OUT.add(port)) {
                try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    socket.setReuseAddress(true);
                    return port;
                } catch (IOException inUse) {
                    // taken by something else: try another
                }
            }
        }
        throw new IllegalStateException("No free port between " + LOWEST + " and " + HIGHEST);
    }
}
