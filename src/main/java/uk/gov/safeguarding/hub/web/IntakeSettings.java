package uk.gov.safeguarding.hub.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param maxBodyBytes the largest request body the hub reads; larger ones are refused with 413 ({@code hub.intake.max-body-bytes}) */
@ConfigurationProperties("hub.intake")
record IntakeSettings(long maxBodyBytes) {
}
