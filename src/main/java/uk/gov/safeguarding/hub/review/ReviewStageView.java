package uk.gov.safeguarding.hub.review;

import uk.gov.safeguarding.hub.clock.ClockType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A notification's review stage (SPEC §11), as every review endpoint answers: each step recorded so far (null until
 * it is) and the statutory clocks.
 *
 * @param late      the publication notice was given fewer than 7 working days before {@code plannedOn}
 * @param embargoes every embargo on publication, the open one (no {@code liftedOn}) last
 */
public record ReviewStageView(String id, LocalDate decidedOn, ReviewService.Decision decision,
                              PanelResponse panelResponse, LocalDate plannedOn, Boolean late, LocalDate noticeGivenOn,
                              List<Embargo> embargoes, LocalDate publishedOn, Map<ClockType, ClockState> clocks) {

    public record PanelResponse(LocalDate respondedOn, Boolean concurs, String comment) {
    }

    public record Embargo(LocalDate since, String reason, String detail, LocalDate liftedOn) {
    }

    /** @param state RUNNING, PAUSED, MET or BREACHED */
    public record ClockState(LocalDate deadline, String state, OffsetDateTime metAt) {
    }
}
