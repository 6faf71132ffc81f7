package dev.pmp.spi;

/** A store could not do what was asked; whatever the call was writing has been rolled back. */
public final class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
