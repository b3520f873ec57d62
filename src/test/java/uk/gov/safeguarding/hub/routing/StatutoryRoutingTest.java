package uk.gov.safeguarding.hub.routing;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.safeguarding.hub.routing.Recipient.DFE;
import static uk.gov.safeguarding.hub.routing.Recipient.NATIONAL_PANEL;
import static uk.gov.safeguarding.hub.routing.Recipient.OFSTED;
import static uk.gov.safeguarding.hub.routing.Recipient.PARTNERSHIP;
import static uk.gov.safeguarding.hub.routing.Recipient.SECRETARY_OF_STATE;

/** One test per row of the routing table in SPEC §2. */
class StatutoryRoutingTest {

    private static final boolean DIED = true;
    private static final boolean HARMED = false;
    private static final boolean ABUSE = true;
    private static final boolean NO_ABUSE = false;
    private static final boolean LOOKED_AFTER = true;
    private static final boolean NOT_LOOKED_AFTER = false;

    private final StatutoryRouting routing = new StatutoryRouting();

    @Test
    void seriousIncidentChildNotLookedAfterGoesToPanelOfstedDfeAndPartnership() {
        assertThat(routing.route(new IncidentFacts(DIED, ABUSE, NOT_LOOKED_AFTER)).recipients())
                .isEqualTo(EnumSet.of(NATIONAL_PANEL, OFSTED, DFE, PARTNERSHIP));
        assertThat(routing.route(new IncidentFacts(HARMED, ABUSE, NOT_LOOKED_AFTER)).recipients())
                .isEqualTo(EnumSet.of(NATIONAL_PANEL, OFSTED, DFE, PARTNERSHIP));
    }

    @Test
    void lookedAfterDeathWithoutAbuseGoesToOfstedSecretaryOfStateAndPartnership() {
        RoutingDecision decision = routing.route(new IncidentFacts(DIED, NO_ABUSE, LOOKED_AFTER));
        assertThat(decision.recipients()).isEqualTo(EnumSet.of(OFSTED, SECRETARY_OF_STATE, PARTNERSHIP));
        assertThat(decision.rulesApplied()).containsExactly(StatutoryRouting.LOOKED_AFTER_DEATH);
    }

    @Test
    void lookedAfterDeathWithAbuseGoesToEveryone() {
        RoutingDecision decision = routing.route(new IncidentFacts(DIED, ABUSE, LOOKED_AFTER));
        assertThat(decision.recipients()).isEqualTo(EnumSet.allOf(Recipient.class));
        assertThat(decision.rulesApplied())
                .containsExactly(StatutoryRouting.SERIOUS_INCIDENT, StatutoryRouting.LOOKED_AFTER_DEATH);
    }

    @Test
    void lookedAfterChildSeriouslyHarmedWithAbuseIsASeriousIncidentWithoutTheSecretaryOfState() {
        assertThat(routing.route(new IncidentFacts(HARMED, ABUSE, LOOKED_AFTER)).recipients())
                .isEqualTo(EnumSet.of(NATIONAL_PANEL, OFSTED, DFE, PARTNERSHIP));
    }

    @Test
    void neitherRuleIsNotNotifiableAndSaysWhichCriteriaFailed() {
        RoutingDecision harmed = routing.route(new IncidentFacts(HARMED, NO_ABUSE, LOOKED_AFTER));
        assertThat(harmed.notifiable()).isFalse();
        assertThat(harmed.recipients()).isEmpty();
        assertThat(harmed.refusalReasons()).anySatisfy(r -> assertThat(r).contains("NOT_SUSPECTED"))
                .anySatisfy(r -> assertThat(r).contains("SERIOUS_HARM"));

        RoutingDecision diedNotLookedAfter = routing.route(new IncidentFacts(DIED, NO_ABUSE, NOT_LOOKED_AFTER));
        assertThat(diedNotLookedAfter.notifiable()).isFalse();
        assertThat(diedNotLookedAfter.refusalReasons()).anySatisfy(r -> assertThat(r).contains("LOOKED_AFTER"));
    }
}
