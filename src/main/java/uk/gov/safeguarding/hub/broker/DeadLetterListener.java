package uk.gov.safeguarding.hub.broker;

/** A feature whose broker messages can be dead-lettered, told when one of its messages was. */
public interface DeadLetterListener {

    /** The kind of message this listener owns, as given to {@link AttemptsExhaustedException}. */
    String kind();

    void deadLettered(String id, String cause);
}
