package uk.gov.safeguarding.hub.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.gov.safeguarding.hub.clock.ClockType;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The escalation ladders of SPEC §5 ({@code hub.escalation.*}): per clock a list of rungs, each {@code at} a time
 * relative to the deadline ("-2WD 09:00", "0WD 09:00", "breach") and {@code to} some contact groups, which each
 * local authority defines for itself ({@code hub.authorities.<code>.contacts}, SPEC §9).
 *
 * @param staleClaimAfter a rung claimed but not handed to the broker within this time (its instance died) is
 *                        handed over again by any instance
 */
@ConfigurationProperties("hub.escalation")
public record EscalationProperties(Map<ClockType, List<RungProperties>> ladders, Duration staleClaimAfter) {

    public EscalationProperties {
        Map<ClockType, List<RungProperties>> copy = new EnumMap<>(ClockType.class);
        if (ladders != null) {
            copy.putAll(ladders);
        }
        ladders = Map.copyOf(copy);
        staleClaimAfter = staleClaimAfter == null ? Duration.ofMinutes(1) : staleClaimAfter;
    }

    public record RungProperties(String at, List<String> to) {
    }
}
