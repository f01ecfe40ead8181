package com.outcomedesk.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;
import org.h2.tools.ChangeFileEncryption;

/**
 * Where an encrypted H2 store keeps its table rows, so a test can damage exactly those: the leaf pages under each
 * table's root page. The store opens without reading them (it reads the headers, the newest chunk and the roots),
 * so the damage shows when a command reads rows, as a damaged store and not as a wrong password. Found in a
 * decrypted copy: the cipher keeps every block where it was, one header block further on.
 */
final class TablePages {
    private static final int BLOCK = 4096;
    /** The cipher's header (its salt) in front of the store's first block. */
    private static final int CIPHER_HEADER = BLOCK;

    /** Bytes {@code [start, end)} of the encrypted file. */
    record Span(long start, long end) {
    }

    private TablePages() {
    }

    static List<Span> leavesBelowTheRoot(Path encrypted, byte[] dataKey, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        Path plain = workDir.resolve(encrypted.getFileName());
        Files.copy(encrypted, plain);
        String base = plain.getFileName().toString().replace(".mv.db", "");
        ChangeFileEncryption.execute(workDir.toString(), base, "AES", HexFormat.of().formatHex(dataKey).toCharArray(),
                null, true);
        Map<Integer, Long> blocks = chunkBlocks(plain);
        String url = "jdbc:h2:" + workDir.resolve(base) + ";ACCESS_MODE_DATA=r";
        try (Connection c = DriverManager.getConnection(url, "", "")) {
            MVStore store = ((JdbcConnection) c).getSession() instanceof org.h2.engine.SessionLocal session
                    ? session.getDatabase().getStore().getMvStore() : null;
            if (store == null) throw new IllegalStateException("not an embedded H2 session");
            List<Span> spans = new ArrayList<>();
            for (String map : store.getMapNames()) {
                // table.0 is H2's own catalogue, which every open reads in full
                if (!map.startsWith("table.") || map.equals("table.0")) continue;
                Page<?, ?> root = store.<Object, Object>openMap(map).getRootPage();
                if (!root.isLeaf()) collectLeaves(root, blocks, spans);
            }
            return spans;
        }
    }

    /** Walks down by the positions the nodes hold, so no leaf is read (a leaf's place says it is one). */
    private static void collectLeaves(Page<?, ?> node, Map<Integer, Long> chunkBlocks, List<Span> spans) {
        for (int i = 0; i < node.getRawChildPageCount(); i++) {
            long pos = node.getChildPagePos(i);
            if (!DataUtils.isLeafPosition(pos)) {
                collectLeaves(node.getChildPage(i), chunkBlocks, spans);
                continue;
            }
            long start = CIPHER_HEADER + chunkBlocks.get(DataUtils.getPageChunkId(pos)) * BLOCK + DataUtils.getPageOffset(pos);
            // The page's first 64 bytes: its length, checksum and first keys, enough for any read of it to fail.
            spans.add(new Span(start, start + 64));
        }
    }

    /**
     * The first block of each chunk, from the headers at block starts ("chunk:id,block:..."): the newest chunk is
     * not yet in the store's layout map. An id can come back for a new chunk; the highest version is the live one.
     */
    private static Map<Integer, Long> chunkBlocks(Path plain) throws Exception {
        byte[] bytes = Files.readAllBytes(plain);
        Map<Integer, Long> blocks = new HashMap<>();
        Map<Integer, Long> versions = new HashMap<>();
        for (int at = 2 * BLOCK; at + 6 <= bytes.length; at += BLOCK) {
            if (!new String(bytes, at, 6, StandardCharsets.ISO_8859_1).equals("chunk:")) continue;
            int end = at;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != 0) end++;
            Map<String, String> header = DataUtils.parseMap(new String(bytes, at, end - at, StandardCharsets.ISO_8859_1));
            int id = (int) DataUtils.readHexLong(header, "chunk", -1);
            long version = DataUtils.readHexLong(header, "version", 0);
            if (version >= versions.getOrDefault(id, -1L)) {
                versions.put(id, version);
                blocks.put(id, (long) at / BLOCK);
            }
        }
        return blocks;
    }
}
