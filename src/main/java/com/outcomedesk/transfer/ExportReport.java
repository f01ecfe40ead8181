package com.outcomedesk.transfer;

import java.util.List;

/**
 * What an export wrote: the number of records, and the ids of stored records whose text held a lone surrogate half
 * (stored before the text rule): a file cannot hold one, so each was written as U+FFFD and the record left as it is.
 */
public record ExportReport(long records, List<String> replaced) {
    public ExportReport {
        replaced = List.copyOf(replaced);
    }

}
