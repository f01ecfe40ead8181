package com.outcomedesk.transfer;

/** An import or export that cannot go ahead, with a message that says what to do. */
public class TransferException extends RuntimeException {
    public TransferException(String message) {
        super(message);
    }

    public TransferException(String message, Throwable cause) {
        super(message, cause);
    }
}
