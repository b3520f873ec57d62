package uk.gov.safeguarding.hub.routing;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The authority register and national recipients as Spring binds them: complete, or the hub refuses to start. */
class AuthorityRegisterTest {

    @Configuration
    @EnableConfigurationProperties({AuthorityRegister.class, RecipientDirectory.class})
    static class Binding {
    }

    private static final String[] NATIONAL = {
            "hub.recipients.NATIONAL_PANEL.emails=panel@example.org", "hub.recipients.OFSTED.emails=ofsted@example.org",
            "hub.recipients.DFE.emails=dfe@example.org", "hub.recipients.SECRETARY_OF_STATE.emails=sos@example.org"};
    private static final String[] SANDWELL = {
            "hub.authorities.E08000028.name=Sandwell",
            "hub.authorities.E08000028.partnership.name=Sandwell Children's Safeguarding Partnership",
            "hub.authorities.E08000028.partnership.emails=partnership@sandwell.example.org",
            "hub.authorities.E08000028.contacts.partnership-officer=officer@sandwell.example.org"};

    private final ApplicationContextRunner hub = new ApplicationContextRunner()
            .withUserConfiguration(Binding.class).withPropertyValues(NATIONAL);

    @Test
    void aCompleteAuthorityIsRegisteredUnderItsCodeWithItsNames() {
        hub.withPropertyValues(SANDWELL).run(context -> {
            assertThat(context).hasNotFailed();
            AuthorityRegister register = context.getBean(AuthorityRegister.class);
            RecipientChannels channels = new RecipientChannels(context.getBean(RecipientDirectory.class), register);
            assertThat(register.label("E08000028")).isEqualTo("Sandwell (E08000028)");
            assertThat(channels.of(Recipient.PARTNERSHIP, "E08000028").emails()).containsExactly("partnership@sandwell.example.org");
            assertThat(channels.nameOf(Recipient.PARTNERSHIP, "E08000028")).isEqualTo("Sandwell Children's Safeguarding Partnership");
            assertThat(channels.nameOf(Recipient.DFE, "E08000028")).isEqualTo("Department for Education");
            assertThat(register.of("E08000028").contact("partnership-officer")).containsExactly("officer@sandwell.example.org");
        });
    }

    @Test
    void anAuthorityWithoutAPartnershipChannelIsRefusedNamingTheProperty() {
        refused(new String[] {"hub.authorities.E08000025.name=Birmingham",
                "hub.authorities.E08000025.partnership.name=Birmingham Safeguarding Children Partnership"},
                "hub.authorities.E08000025.partnership has no channel");
    }

    @Test
    void aPartnershipWebhookWithoutASecretIsRefused() {
        refused(new String[] {"hub.authorities.E08000025.name=Birmingham",
                "hub.authorities.E08000025.partnership.name=Birmingham Safeguarding Children Partnership",
                "hub.authorities.E08000025.partnership.webhook.url=https://birmingham.example.org/hook"},
                "needs a .webhook.secret");
    }

    @Test
    void anAuthorityWithoutANameOrWithABadCodeIsRefused() {
        refused(new String[] {"hub.authorities.E08000025.partnership.name=P", "hub.authorities.E08000025.partnership.emails=p@example.org"},
                "hub.authorities.E08000025.name is missing");
        refused(new String[] {"hub.authorities.SANDWELL.name=Sandwell", "hub.authorities.SANDWELL.partnership.name=P",
                "hub.authorities.SANDWELL.partnership.emails=p@example.org"}, "hub.authorities.SANDWELL");
        refused(new String[] {"hub.authorities.E08000025.name=Birmingham",
                "hub.authorities.E08000025.partnership.emails=p@example.org"}, "hub.authorities.E08000025.partnership.name is missing");
    }

    @Test
    void noAuthorityAtAllIsRefused() {
        hub.run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("hub.authorities is empty"));
    }

    @Test
    void aPartnershipAmongTheNationalRecipientsIsRefusedPointingToTheAuthorities() {
        hub.withPropertyValues(SANDWELL).withPropertyValues("hub.recipients.PARTNERSHIP.emails=old@council.example.org")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("hub.recipients.PARTNERSHIP").hasMessageContaining("hub.authorities.<ONS code>.partnership"));
    }

    private void refused(String[] properties, String message) {
        hub.withPropertyValues(SANDWELL).withPropertyValues(properties)
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining(message));
    }
}
