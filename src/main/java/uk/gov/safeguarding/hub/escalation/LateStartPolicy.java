package uk.gov.safeguarding.hub.escalation;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Of the rungs of one clock that are due together (a clock that started late, or a hub that was down), only the
 * highest fires; the others are skipped, so that nobody receives a burst of stale warnings (SPEC §5).
 */
final class LateStartPolicy {

    private LateStartPolicy() {
    }

    static <T> Choice<T> choose(List<T> due, Function<T, OffsetDateTime> dueAt) {
        T highest = due.stream().max(Comparator.comparing(dueAt)).orElseThrow();
        return new Choice<>(highest, due.stream().filter(r -> r != highest).toList());
    }

    record Choice<T>(T fire, List<T> skip) {
    }
}
