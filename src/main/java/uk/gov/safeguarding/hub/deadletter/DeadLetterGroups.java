package uk.gov.safeguarding.hub.deadletter;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Groups dead letters by cause (type and masked message) and by recipient and channel, with counts and times. */
public final class DeadLetterGroups {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private DeadLetterGroups() {
    }

    /** The cause with what differs between otherwise identical failures (ids, attempt numbers, ports) masked. */
    public static String maskCause(String cause) {
        if (cause == null) {
            return "";
        }
        return NUMBER.matcher(UUID.matcher(cause).replaceAll("{id}")).replaceAll("#");
    }

    public static List<Group> group(List<DeadLetter> deadLetters) {
        return groupBy(deadLetters, DeadLetter::groupKey);
    }

    public static List<Group> byCause(List<DeadLetter> deadLetters) {
        return groupBy(deadLetters, d -> d.causeType() + " | " + d.causeGroup());
    }

    public static List<Group> byRecipientAndChannel(List<DeadLetter> deadLetters) {
        return groupBy(deadLetters, d -> d.recipient() + " | " + d.channel());
    }

    private static List<Group> groupBy(List<DeadLetter> deadLetters, Function<DeadLetter, String> key) {
        Map<String, List<DeadLetter>> groups = deadLetters.stream()
                .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
        return groups.entrySet().stream()
                .map(e -> {
                    List<DeadLetter> members = e.getValue();
                    DeadLetter first = members.get(0);
                    return new Group(e.getKey(), first.causeType(), first.causeGroup(), first.recipient(), first.channel(),
                            members.size(),
                            members.stream().map(DeadLetter::failedAt).min(Comparator.naturalOrder()).orElse(null),
                            members.stream().map(DeadLetter::failedAt).max(Comparator.naturalOrder()).orElse(null),
                            members.stream().map(DeadLetter::id).toList());
                })
                .sorted(Comparator.comparing(Group::count).reversed().thenComparing(Group::key))
                .toList();
    }

    public record Group(String key, String causeType, String cause, String recipient, String channel, int count,
                        OffsetDateTime firstFailedAt, OffsetDateTime lastFailedAt, List<String> ids) {
    }
}
