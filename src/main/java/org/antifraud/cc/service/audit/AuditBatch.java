package org.antifraud.cc.service.audit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import org.antifraud.cc.domain.AuditEntry;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.RecordKind;

/**
 * The changes of one {@link AuditEntry#BATCH} entry (an import's), compressed (ADR 0022). The blob holds two
 * deflated parts: first each change's action and record id, then its states before and after. A state's first
 * line is its record's id ({@link StateText}), which the id part has already, so it is left out and put back when
 * read: the states part can be encoded while the records are still being inserted and their ids are not known.
 * <p>
 * Layout: version byte 1, row count (int), length of the id part (int), id part, state part. Id part, per row:
 * action byte ({@code i}, {@code u}, {@code d}), record id. State part, per row: before, then after, each a tag
 * byte (0 none, 1 the id line left out, 2 the whole text) and, unless none, the text. Texts are UTF-8 with an
 * int length.
 */
public final class AuditBatch {
    /** At most this many changes in one entry. */
    public static final int ROWS = 50_000;
    /** The longest id or state text a batch holds (a state is a few hundred bytes); more is a damaged blob. */
    static final int MAX_TEXT = 1 << 20;
    private static final byte VERSION = 1;
    private static final byte NONE = 0;
    private static final byte ID_LEFT_OUT = 1;
    private static final byte WHOLE = 2;

    private AuditBatch() {
    }

    /** One change of an import, before its record id is known (a new figure gets its id when inserted). */
    public record Pending(RecordKind kind, String action, EntryRecord before, EntryRecord after) {
    }

    /** A change inside a batch entry. */
    public record Row(String action, String entityId, String before, String after) {
    }

    /** Where {@code pending} is cut into entries: runs of one kind, at most {@link #ROWS} each; [from, to) pairs. */
    public static List<int[]> chunks(List<Pending> pending) {
        List<int[]> chunks = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= pending.size(); i++) {
            if (i == pending.size() || i - from == ROWS || pending.get(i).kind() != pending.get(from).kind()) {
                chunks.add(new int[]{from, i});
                from = i;
            }
        }
        return chunks;
    }

    /** The state parts of {@link #chunks}, in order; stops early (returning what it has) once {@code cancelled}. */
    public static List<byte[]> encodeStates(List<Pending> pending, BooleanSupplier cancelled) {
        List<byte[]> parts = new ArrayList<>();
        for (int[] chunk : chunks(pending)) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            parts.add(deflate(out -> {
                for (int i = chunk[0]; i < chunk[1]; i++) {
                    Pending p = pending.get(i);
                    writeState(out, p.before());
                    writeState(out, p.after());
                }
            }));
        }
        return parts;
    }

    /** The whole blob of one chunk: its actions and record ids, and its state part from {@link #encodeStates}. */
    public static byte[] assemble(List<Pending> pending, int[] chunk, List<String> entityIds, byte[] states) {
        byte[] ids = deflate(out -> {
            for (int i = chunk[0]; i < chunk[1]; i++) {
                out.writeByte(actionByte(pending.get(i).action()));
                writeText(out, entityIds.get(i));
            }
        });
        return ByteBuffer.allocate(1 + 4 + 4 + ids.length + states.length).put(VERSION).putInt(chunk[1] - chunk[0])
                .putInt(ids.length).put(ids).put(states).array();
    }

    /** Every change of a batch entry's blob, in order. */
    public static void forEachRow(byte[] batch, Consumer<Row> each) {
        ByteBuffer head = ByteBuffer.wrap(batch);
        if (head.get() != VERSION) {
            throw new IllegalArgumentException("unknown audit batch version " + batch[0]);
        }
        int rows = head.getInt();
        int idsLength = head.getInt();
        int idsAt = 9;
        try (DataInputStream ids = inflate(batch, idsAt, idsLength);
             DataInputStream states = inflate(batch, idsAt + idsLength, batch.length - idsAt - idsLength)) {
            for (int i = 0; i < rows; i++) {
                String action = action(ids.readByte());
                String id = readText(ids);
                String before = readState(states, id);
                String after = readState(states, id);
                each.accept(new Row(action, id, before, after));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a damaged audit batch", e);
        }
    }

    /** A batch entry as single entries, one per change (same number, time, actor, origin, hashes and seal). */
    public static List<AuditEntry> expand(AuditEntry e) {
        if (!e.isBatch()) {
            return List.of(e);
        }
        List<AuditEntry> rows = new ArrayList<>(e.batchRows());
        forEachRow(e.batch(), r -> rows.add(new AuditEntry(e.seq(), e.recordedAt(), e.actor(), r.action(), e.entity(),
                r.entityId(), e.origin(), r.before(), r.after(), e.prevHash(), e.hash(), 0, null, e.scheme(), e.mac(),
                e.declaredName())));
        return rows;
    }

    // ------------------------------------------------------------------ encoding

    @FunctionalInterface
    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] deflate(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new DeflaterOutputStream(bytes, deflater, 1 << 16), 1 << 16))) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // memory only
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    private static DataInputStream inflate(byte[] batch, int offset, int length) {
        return new DataInputStream(new BufferedInputStream(new InflaterInputStream(
                new ByteArrayInputStream(batch, offset, length)), 1 << 16));
    }

    /** A state's first line is its record's id ("id=…", or "id" for a figure not inserted yet): left out. */
    private static void writeState(DataOutputStream out, EntryRecord record) throws IOException {
        if (record == null) {
            out.writeByte(NONE);
            return;
        }
        String state = StateText.of(record);
        String idLine = record.key() == null ? "id\n" : "id=" + record.key() + '\n';
        if (state.startsWith(idLine)) {
            out.writeByte(ID_LEFT_OUT);
            writeText(out, state.substring(idLine.length()));
        } else {
            out.writeByte(WHOLE);
            writeText(out, state);
        }
    }

    private static String readState(DataInputStream in, String id) throws IOException {
        return switch (in.readByte()) {
            case NONE -> null;
            case ID_LEFT_OUT -> "id=" + id + '\n' + readText(in);
            case WHOLE -> readText(in);
            default -> throw new IOException("unknown state tag");
        };
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_TEXT) {
            throw new IOException("a text of " + n + " bytes in an audit batch"); // a damaged or hostile blob
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte actionByte(String action) {
        return switch (action) {
            case AuditEntry.INSERT -> 'i';
            case AuditEntry.UPDATE -> 'u';
            case AuditEntry.DELETE -> 'd';
            default -> throw new IllegalArgumentException("not a change: " + action);
        };
    }

    private static String action(byte b) throws IOException {
        return switch (b) {
            case 'i' -> AuditEntry.INSERT;
            case 'u' -> AuditEntry.UPDATE;
            case 'd' -> AuditEntry.DELETE;
            default -> throw new IOException("unknown action byte " + b);
        };
    }
}
