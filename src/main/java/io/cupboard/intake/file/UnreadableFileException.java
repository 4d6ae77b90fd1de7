package io.cupboard.intake.file;

/**
 * A file that is no lead file this application reads, with the message key of the reason shown to the user.
 */
public class UnreadableFileException extends RuntimeException {

    private final String messageKey;

    public UnreadableFileException(String messageKey, String logMessage, Throwable cause) {
        super(logMessage, cause);
        this.messageKey = messageKey;
    }

    public UnreadableFileException(String messageKey, String logMessage) {
        this(messageKey, logMessage, null);
    }

    public String messageKey() {
        return messageKey;
    }
}
