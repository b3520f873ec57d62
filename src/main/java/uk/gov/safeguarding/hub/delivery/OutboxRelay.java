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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Hands planned deliveries from the transactional outbox to the broker. The deliveries a transaction planned (claimed
 * for this relay as they were planned) are handed to it once that transaction commits; it publishes them in one JMS
 * transaction per batch and marks them published in a commit shared with other work. The broker blocks it while the
 * delivery queue is full ({@code hub.broker.work-queue-max-size}), so a burst's backlog waits in the database. Every poll interval it also
 * looks in the database, for claims gone stale (an instance died, or this one before a restart, or one of its
 * batches failed) and rows planned without a claim, which it claims there; rounds follow each other while full
 * batches come back, so a backlog drains at the broker's pace. A crash between the steps leaves rows to be claimed
 * again; the delivery route ignores a message whose delivery is already made.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    static final String DELIVERY_ID = "hubDeliveryId";
    // deliveries handed over beyond this wait in the database for their claim to go stale, so memory stays bounded
    private static final int MOST_HANDED_OVER = 20_000;
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private final Outbox outbox;
    private final JmsTemplate jms;
    private final OutboxSettings settings;
    private final BlockingQueue<HandedOver> handedOver = new LinkedBlockingQueue<>(MOST_HANDED_OVER);
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean overflowReported;
    private volatile boolean running;
    private Thread worker;

    OutboxRelay(Outbox outbox, ConnectionFactory connectionFactory, OutboxSettings settings) {
        this.outbox = outbox;
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.settings = settings;
    }

    /** Publishes these deliveries, planned and claimed for this relay, once the current transaction commits. */
    void publishAfterCommit(List<String> deliveryIds) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    handOver(deliveryIds);
                }
            });
        } else {
            handOver(deliveryIds);
        }
    }

    private void handOver(List<String> deliveryIds) {
        long now = System.nanoTime();
        for (String deliveryId : deliveryIds) {
            if (!handedOver.offer(new HandedOver(deliveryId, now))) {
                if (!overflowReported) {
                    overflowReported = true;
                    log.warn("Outbox relay holds {} deliveries not yet published; those planned meanwhile go out "
                            + "once their claims are stale ({})", MOST_HANDED_OVER, settings.staleClaimAfter());
                }
                break;
            }
        }
        wakeUp.release();
    }

    private void relayUntilStopped() {
        long nextLookInDatabase = System.nanoTime();
        while (running) {
            try {
                wakeUp.tryAcquire(settings.pollIntervalMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (running && publishHandedOver() == settings.batchSize()) {
                    wakeUp.drainPermits();
                }
                if (System.nanoTime() - nextLookInDatabase >= 0) {
                    while (running && relayOneBatch() == settings.batchSize()) {
                        publishHandedOver();
                    }
                    nextLookInDatabase = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.pollIntervalMillis());
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed; its claims go stale and are taken again: {}", e.toString());
            }
        }
        try {
            // what was handed over before the hub began to stop is still published
            int published;
            do {
                published = publishHandedOver();
            } while (published > 0);
        } catch (RuntimeException e) {
            log.warn("Outbox relay could not publish its last deliveries; their claims go stale and are taken again "
                    + "at the next start: {}", e.toString());
        }
    }

    /**
     * Publishes a batch of what was handed over, except deliveries whose claim is half-way to stale: while the broker
     * makes the relay wait (its work queue is full) they are left to the database rounds, which take them once their
     * claims are stale; published from here as well they would go out twice.
     */
    private int publishHandedOver() {
        List<HandedOver> taken = new ArrayList<>(Math.min(settings.batchSize(), handedOver.size()));
        handedOver.drainTo(taken, settings.batchSize());
        if (handedOver.isEmpty()) {
            overflowReported = false;
        }
        long claimedSince = System.nanoTime() - settings.staleClaimAfter().toNanos() / 2;
        List<String> batch = taken.stream().filter(delivery -> delivery.handedOverAt() - claimedSince > 0)
                .map(HandedOver::deliveryId).toList();
        if (!batch.isEmpty()) {
            publish(batch);
        }
        return taken.size();
    }

    /** One round in the database: claims stale or unclaimed rows and publishes them. */
    private int relayOneBatch() {
        List<String> claimed = outbox.claimUnpublished();
        if (!claimed.isEmpty()) {
            publish(claimed);
        }
        return claimed.size();
    }

    private void publish(List<String> claimed) {
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
    }

    private record HandedOver(String deliveryId, long handedOverAt) {
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
