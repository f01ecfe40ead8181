package com.outcomedesk.transfer;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** Streams records from a file one at a time, so memory does not grow with the file. */
public interface RecordReader extends Closeable {

    /** The next record, or null at the end of the file. Throws {@link TransferException} on malformed content. */
    ParsedRecord next() throws IOException;

    /** Keys seen in the file that are not record fields; they are ignored. */
    Set<String> unknownKeys();

    static RecordReader open(Path file, FileFormat format) throws IOException {
        return format == FileFormat.JSON ? new JsonRecordReader(file) : new CsvRecordReader(file);
    }
}
