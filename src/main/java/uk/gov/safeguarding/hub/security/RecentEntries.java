package uk.gov.safeguarding.hub.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The limits' memory: only the most recently used entries are kept, so that requests from ever new addresses or
 * names cannot grow it without bound. Not thread-safe: callers synchronise.
 */
final class RecentEntries<V> extends LinkedHashMap<String, V> {

    private static final int MOST = 100_000;

    RecentEntries() {
        super(1024, 0.75f, true);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MOST;
    }
}
