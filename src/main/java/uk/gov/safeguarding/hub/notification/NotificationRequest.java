package uk.gov.safeguarding.hub.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The body of {@code POST /api/v1/notifications} (SPEC §6). Unknown fields are refused by Jackson. */
public record NotificationRequest(
        @NotBlank @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9/_.-]*", message = "letters, digits and / _ . - only")
        String trustReference,
        @NotBlank
        @Pattern(regexp = "E(06|08|09|10)\\d{6}", message = "an ONS code of an English children's services authority, e.g. E08000028")
        String localAuthority,
        @NotNull @Valid Incident incident,
        @NotNull @Size(min = 1, max = 4, message = "one notification covers 1 to 4 children") List<@NotNull @Valid Child> children,
        @NotNull @Valid Notifier notifier) {

    public record Incident(
            @NotNull IncidentType type,
            @NotNull LocalDate occurredOn,
            @NotNull LocalDate awareOn,
            @NotNull Location location,
            @NotNull AbuseOrNeglect abuseOrNeglect,
            @NotBlank @Size(max = 4000) String summary) {
    }

    public record Child(
            @NotNull @Min(0) @Max(17) Integer ageYears,
            @Min(0) @Max(52) Integer ageWeeks,
            @NotNull Sex sex,
            @Size(max = 100) String ethnicity,
            @NotNull LegalStatus legalStatus,
            @Size(min = 1, max = 200) String name,
            LocalDate dateOfBirth) {
    }

    public record Notifier(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String role,
            @NotEmpty @Email @Size(max = 254) String email,
            @Size(max = 40) @Pattern(regexp = "[0-9 +()-]*", message = "digits, spaces and + ( ) - only") String phone) {
    }

    public enum IncidentType { DEATH, SERIOUS_HARM }

    public enum Location { IN_AREA, OUTSIDE_ENGLAND }

    public enum AbuseOrNeglect { KNOWN, SUSPECTED, NOT_SUSPECTED }

    public enum Sex { MALE, FEMALE, OTHER, UNKNOWN }

    public enum LegalStatus { LOOKED_AFTER, CHILD_PROTECTION_PLAN, CHILD_IN_NEED, NONE }
}
