package com.outcomedesk.ui.support;

import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.learn.NoModelException;
import com.outcomedesk.common.AccessDeniedException;
import com.outcomedesk.store.StoreException;
import com.outcomedesk.transfer.TransferException;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a failure into a sentence a user can act on; the technical detail goes to the log only. */
public final class FailureSentences {
    private static final Logger LOG = LoggerFactory.getLogger(FailureSentences.class);

    private FailureSentences() {
    }

    public static String describe(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof NoModelException) {
            return t.getMessage() + " Import appointments with outcomes (File > Import...), then train a model "
                    + "(Model > Retrain..., administrators).";
        }
        if (t instanceof InvalidRequestException r) return Refusals.phrase(r);
        if (t instanceof com.outcomedesk.sync.NoServerException) {
            return t.getMessage() + " An administrator sets one in Sync > Sync settings….";
        }
        if (t instanceof TransferException || t instanceof StoreException || t instanceof AccessDeniedException
                || t instanceof IllegalArgumentException || t instanceof CancelledException
                || t instanceof com.outcomedesk.security.AuthenticationException) {
            return t.getMessage();
        }
        // Class and frames only: a message can hold patient text.
        LOG.error("Unexpected failure{}{}", System.lineSeparator(), UncaughtFailures.withoutMessages(t));
        String detail = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return "Something unexpected went wrong (" + detail + "). Nothing was changed by the failed step; "
                + "try again, and if it persists, send the log to your administrator.";
    }
}
