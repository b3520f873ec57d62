package uk.gov.safeguarding.hub.database;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Row ids that are UUIDs of version 7 (RFC 9562): the time in milliseconds first, then 74 random bits. As strings
 * they sort by creation time, so a new row's key lands at the end of its index: a commit rewrites the few pages at
 * that end instead of one page for each random key in the middle of the index (each commit of the embedded H2
 * writes every page it changed). The random bits keep ids unguessable; they carry only when the row was made.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    public static String next() {
        return at(System.currentTimeMillis());
    }

    static String at(long epochMillis) {
        long random = RANDOM.nextLong();
        long mostSignificant = (epochMillis << 16) | 0x7000L | (random & 0x0FFFL);
        long leastSignificant = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
