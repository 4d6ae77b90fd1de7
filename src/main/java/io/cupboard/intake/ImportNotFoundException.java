package io.cupboard.intake;

/** An import batch that does not exist or that the user may not see. The web layer shows both as 404. */
public class ImportNotFoundException extends RuntimeException {

    public ImportNotFoundException(long batchId) {
        super("Import batch " + batchId + " not found");
    }
}
