package uk.gov.safeguarding.hub.delivery;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import uk.gov.safeguarding.hub.broker.Queues;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Hands planned deliveries from the transactional outbox to the broker. It is woken as soon as a transaction that
 * planned deliveries commits, and looks anyway every poll interval (for claims gone stale and rows another instance
 * planned). Each round claims a batch in one database transaction, publishes it in one JMS transaction and marks it
 * published in one statement, and rounds follow each other while full batches come back, so a backlog drains at
 * the broker's pace. A crash between the steps leaves rows to be claimed again; the delivery route ignores a message
 * whose delivery is already made.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    static final String DELIVERY_ID = "hubDeliveryId";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private final Outbox outbox;
    private final JmsTemplate jms;
    private final OutboxSettings settings;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    OutboxRelay(Outbox outbox, ConnectionFactory connectionFactory, OutboxSettings settings) {
        this.outbox = outbox;
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.settings = settings;
    }

    /** Wakes the relay once the current transaction commits (at once when there is none). */
    void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp.release();
                }
            });
        } else {
            wakeUp.release();
        }
    }

    private void relayUntilStopped() {
        while (running) {
            try {
                wakeUp.tryAcquire(settings.pollIntervalMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (running && relayOneBatch() == settings.batchSize()) {
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed; its claims go stale and are taken again: {}", e.toString());
            }
        }
    }

    int relayOneBatch() {
        List<String> claimed = outbox.claimUnpublished();
        if (claimed.isEmpty()) {
            return 0;
        }
        jms.execute(session -> {
            try (MessageProducer producer = session.createProducer(session.createQueue(Queues.DELIVERY))) {
                for (String deliveryId : claimed) {
                    TextMessage message = session.createTextMessage(deliveryId);
                    message.setStringProperty(DELIVERY_ID, deliveryId);
                    producer.send(message);
                }
            }
            session.commit();
            return null;
        }, true);
        outbox.markPublished(claimed);
        return claimed.size();
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::relayUntilStopped, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp.release();
        try {
            worker.join(settings.pollIntervalMillis() + 10_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
