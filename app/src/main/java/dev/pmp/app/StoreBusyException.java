package dev.pmp.app;

/** Another pmp process holds the store; reported with exit code {@link ExitCodes#STORE_BUSY}. */
public final class StoreBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreBusyException(String message) {
        super(message);
    }
}
