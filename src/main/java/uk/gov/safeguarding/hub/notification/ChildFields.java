package uk.gov.safeguarding.hub.notification;

/** The places a child's sealed fields are bound to (their row and column), for {@code ChildDataCipher}. */
final class ChildFields {

    private ChildFields() {
    }

    static String name(String notificationId, int position) {
        return "child/" + notificationId + "/" + position + "/name";
    }

    static String dateOfBirth(String notificationId, int position) {
        return "child/" + notificationId + "/" + position + "/date_of_birth";
    }
}
