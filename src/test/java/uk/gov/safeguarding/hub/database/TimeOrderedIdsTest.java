package uk.gov.safeguarding.hub.database;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7UuidsWithTheirMillisecondFirst() {
        String id = TimeOrderedIds.at(0x0190_1234_5678L);
        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(id).startsWith("01901234-5678-7");
    }

    @Test
    void asStringsLaterIdsSortAfterEarlierOnes() {
        String earlier = TimeOrderedIds.at(1_795_000_000_000L);
        String later = TimeOrderedIds.at(1_795_000_000_001L);
        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.at(1_795_000_000_000L));
        }
        assertThat(ids).hasSize(10_000);
    }
}
