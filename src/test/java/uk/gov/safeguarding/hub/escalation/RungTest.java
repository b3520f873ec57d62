package uk.gov.safeguarding.hub.escalation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rungs of a ladder as an operator writes them in config/escalation.yml. */
class RungTest {

    @ParameterizedTest(name = "\"{0}\" is {1} working days before at {2}")
    @CsvSource({"-2WD 09:00, -2WD, 2, 09:00", "0WD 09:00, 0WD, 0, 09:00", "-20WD 14:30, -20WD, 20, 14:30",
            "'  -1WD   08:15 ', -1WD, 1, 08:15"})
    void relativeRungsAreWorkingDaysBeforeTheDeadlineDayAtATime(String spec, String id, int before, String at) {
        Rung rung = Rung.parse(spec, List.of("partnership-officer"));
        assertThat(rung.id()).isEqualTo(id);
        assertThat(rung.workingDaysBefore()).isEqualTo(before);
        assertThat(rung.at()).isEqualTo(LocalTime.parse(at));
        assertThat(rung.breach()).isFalse();
        assertThat(rung.contacts()).containsExactly("partnership-officer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"breach", "BREACH", " breach "})
    void theBreachRungIsDueWhenTheWindowCloses(String spec) {
        Rung rung = Rung.parse(spec, List.of("statutory-leads"));
        assertThat(rung.breach()).isTrue();
        assertThat(rung.id()).isEqualTo("breach");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tomorrow", "-2 09:00", "-2WD", "-2WD 9am", "-2WD 25:00", "+1WD 09:00", "1WD 09:00", "-100WD 09:00"})
    void anythingElseStopsTheHubNamingTheRung(String spec) {
        assertThatThrownBy(() -> Rung.parse(spec, List.of("x"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'" + spec + "'");
    }
}
