package uk.gov.safeguarding.hub.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeliveryPropertiesTest {

    @Test
    void aConsumerPriorityOutsideJavasRangeIsRefusedWithTheSettingNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DeliveryProperties(4, 0, Duration.ofSeconds(10)))
                .withMessage("hub.delivery.consumer-priority must be from 1 to 10, not 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new DeliveryProperties(4, 11, Duration.ofSeconds(10)));
        assertThat(new DeliveryProperties(4, 10, Duration.ofSeconds(10)).consumerPriority()).isEqualTo(10);
    }
}
