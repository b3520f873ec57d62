package uk.gov.safeguarding.hub.delivery;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The threads of the delivery queue's consumers ({@code taskExecutor} of the route {@code delivery}), at
 * {@code hub.delivery.consumer-priority}. Below the request threads' priority by default: when both want the cores,
 * a Trust waiting for its notification's commit goes first, and a delivery, safe in the broker, waits a little.
 * With {@code -XX:ThreadPriorityPolicy=1} (config/jvm.options) the lowest Java priority is nice 4 on Linux.
 * Bound in Camel's registry rather than made a Spring bean: an executor bean would replace Spring Boot's own.
 */
@Component
class DeliveryConsumerThreads implements CamelContextConfiguration {

    static final String NAME = "deliveryConsumerExecutor";
    static final String THREAD_NAME_PREFIX = "delivery-";

    private final int priority;

    DeliveryConsumerThreads(DeliveryProperties delivery) {
        this.priority = delivery.consumerPriority();
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor(THREAD_NAME_PREFIX);
        threads.setThreadPriority(priority);
        camel.getRegistry().bind(NAME, TaskExecutor.class, threads);
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
    }
}
