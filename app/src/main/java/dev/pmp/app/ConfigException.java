package dev.pmp.app;

/** Settings that cannot work; reported with exit code {@link ExitCodes#CONFIG}. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
