package com.outcomedesk.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The two interchange formats, recognised by content rather than by file name. */
public enum FileFormat {
    JSON, CSV;

    private static final int SNIFF_BYTES = 8192;

    /** Looks at the start of the file; refuses a folder, a missing or unreadable file, and anything that is not a JSON array or text with a header line. */
    public static FileFormat detect(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new TransferException(file + " is a folder, not a file: give the path of a .json or .csv file.");
        }
        if (!Files.exists(file)) throw new TransferException("There is no file " + file + ": check the path and try again.");
        if (!Files.isReadable(file)) {
            throw new TransferException(file + " cannot be read with your permissions: allow reading it, or copy it somewhere you can read, and try again.");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (head.length == 0) throw new TransferException(file.getFileName() + " is empty: there is nothing to import.");
        for (byte b : head) {
            if (b == 0) throw notRecords(file, "it looks like a binary file");
        }
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (text.startsWith("[")) return JSON;
        if (text.startsWith("{")) {
            throw notRecords(file, "it holds a single JSON object; put the records in a JSON array: [ {...}, {...} ]");
        }
        String header = text.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
        if (header.contains(",") || header.contains(";") || header.contains("\t")) return CSV;
        throw notRecords(file, "it is neither a JSON array nor a CSV file with a header line");
    }

    /** The format to write, chosen by the file name's extension (CSV for .csv, JSON otherwise). */
    public static FileFormat forOutput(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : JSON;
    }

    private static TransferException notRecords(Path file, String why) {
        return new TransferException("Cannot import " + file.getFileName() + ": " + why
                + ". Nothing was imported. Use the reference JSON format or CSV with columns id, doctor_id, summary, future_outcome.");
    }
}
