package uk.gov.safeguarding.hub.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInThrottle.Settings(3, Duration.ofSeconds(2), Duration.ofSeconds(30)), List.of("ops", "Sandwell"), clock);

    @Test
    void theWaitGrowsWithEachFailureBeyondTheFreeOnesUpToItsCeiling() {
        assertThat(throttle.failed("203.0.113.1", "ops")).isZero();
        assertThat(throttle.failed("203.0.113.1", "ops")).isZero();
        assertThat(throttle.failed("203.0.113.1", "ops")).isZero();
        assertThat(throttle.waitFor("203.0.113.1", "ops")).isEmpty();
        assertThat(throttle.failed("203.0.113.1", "ops")).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.waitFor("203.0.113.1", "OPS ")).as("the name as typed, normalised").contains(Duration.ofSeconds(2));
        now = now.plusSeconds(2);
        assertThat(throttle.waitFor("203.0.113.1", "ops")).isEmpty();
        assertThat(throttle.failed("203.0.113.1", "ops")).isEqualTo(Duration.ofSeconds(4));
        now = now.plusSeconds(4);
        assertThat(throttle.failed("203.0.113.1", "ops")).isEqualTo(Duration.ofSeconds(8));
        now = now.plusSeconds(8);
        assertThat(throttle.failed("203.0.113.1", "ops")).isEqualTo(Duration.ofSeconds(16));
        now = now.plusSeconds(16);
        assertThat(throttle.failed("203.0.113.1", "ops")).isEqualTo(Duration.ofSeconds(30));
        now = now.plusSeconds(30);
        assertThat(throttle.failed("203.0.113.1", "ops")).as("never longer than the ceiling").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theWaitBelongsToOneAddressAndOneNameAndASignInClearsIt() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("203.0.113.1", "ops");
        }
        assertThat(throttle.waitFor("203.0.113.1", "ops")).isPresent();
        assertThat(throttle.waitFor("198.51.100.1", "ops")).as("another address").isEmpty();
        assertThat(throttle.waitFor("203.0.113.1", "sandwell")).as("another name").isEmpty();

        throttle.succeeded("203.0.113.1", "ops");
        assertThat(throttle.waitFor("203.0.113.1", "ops")).isEmpty();
        assertThat(throttle.failed("203.0.113.1", "ops")).as("counting starts again").isZero();
    }

    @Test
    void namesThatAreNoUserShareOneEntryPerAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("203.0.113.1", "made-up-" + i);
        }
        assertThat(throttle.waitFor("203.0.113.1", "another-made-up-name")).isPresent();
        assertThat(throttle.waitFor("203.0.113.1", "ops")).isEmpty();
    }
}
