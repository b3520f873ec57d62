package uk.gov.safeguarding.hub.database;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Supplier;

/**
 * What one transaction keeps for one owner (a repository): made on first use within the transaction, its own while
 * another transaction runs inside it, and let go when it completes. Subclasses act as it commits
 * ({@link #beforeCommit}, {@link #afterCommit}).
 */
public abstract class TransactionBound implements TransactionSynchronization {

    private final Object owner;

    protected TransactionBound(Object owner) {
        this.owner = owner;
    }

    /** The owner's state in the current transaction, made by {@code made} on first use; null outside a transaction. */
    public static <S extends TransactionBound> S current(Object owner, Supplier<S> made) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        S state = (S) TransactionSynchronizationManager.getResource(owner);
        if (state == null) {
            state = made.get();
            TransactionSynchronizationManager.bindResource(owner, state);
            TransactionSynchronizationManager.registerSynchronization(state);
        }
        return state;
    }

    /** The owner's state in the current transaction if it has made one; null otherwise. */
    @SuppressWarnings("unchecked")
    public static <S extends TransactionBound> S existing(Object owner) {
        return (S) TransactionSynchronizationManager.getResource(owner);
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResource(owner);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(owner, this);
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(owner);
    }
}
