package org.antifraud.cc.service.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.antifraud.cc.domain.DenTakedown;
import org.antifraud.cc.domain.EntryRecord;
import org.antifraud.cc.domain.FraudCase;
import org.antifraud.cc.domain.Measurement;
import org.antifraud.cc.domain.Statistic;
import org.antifraud.cc.domain.WarningBatch;
import org.antifraud.cc.domain.WarningInstruction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes records of one type as a CSV file that {@link CsvReader} reads back to equal records: UTF-8 without a
 * byte-order mark, the header row of {@link CsvFileType#columns()}, CRLF line ends, quotes only where RFC 4180
 * needs them, decimals written plain ({@link BigDecimal#toPlainString()}), every cell passed through
 * {@link FormulaGuard#neutralise(String)}.
 *
 * <p>A measurement's basis is not written: on reading, a figure with a source is reported, one without is
 * computed. A synthetic-demo figure therefore does not round-trip; exports leave demo data out.
 */
public final class CsvWriter implements Closeable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final CsvFileType type;
    private final CSVPrinter printer;
    private final String[] cells;

    private CsvWriter(Writer out, CsvFileType type) throws IOException {
        this.type = type;
        this.printer = new CSVPrinter(out, FORMAT);
        this.cells = new String[type.columns().size()];
        printer.printRecord(type.columns());
    }

    /** Starts a file of {@code type} on {@code out}: writes the header; records then go in the order given. */
    public static CsvWriter open(Writer out, CsvFileType type) throws IOException {
        return new CsvWriter(out, type);
    }

    /**
     * Writes {@code records} to {@code file} in {@link CsvFileType#order()}, through a temporary file moved into
     * place at the end, so that the file is either the old one or the whole new one.
     */
    public static void write(Path file, CsvFileType type, Collection<? extends EntryRecord> records)
            throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        try {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temporary),
                    StandardCharsets.UTF_8), 1 << 16)) {
                write(out, type, records);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Writes a whole file of {@code records} to {@code out}, in {@link CsvFileType#order()}; does not close it. */
    public static void write(Writer out, CsvFileType type, Collection<? extends EntryRecord> records)
            throws IOException {
        List<EntryRecord> sorted = new ArrayList<>(records);
        sorted.sort(type.order());
        CsvWriter writer = new CsvWriter(out, type);
        for (EntryRecord r : sorted) {
            writer.write(r);
        }
        writer.flush();
    }

    /** Writes one record; it must be of the file's kind (a measurements file takes statistics). */
    public void write(EntryRecord record) throws IOException {
        if (!type.accepts(record)) {
            throw new IllegalArgumentException("a " + type.code() + " file holds no " + record.kind().code());
        }
        switch (record) {
            case Statistic s -> measurement(s.measurement());
            case DenTakedown d -> den(d);
            case WarningBatch w -> warning(w);
            case FraudCase c -> fraudCase(c);
            case WarningInstruction i -> instruction(i);
        }
        for (int i = 0; i < cells.length; i++) {
            printer.print(FormulaGuard.neutralise(cells[i]));
        }
        printer.println();
    }

    public void flush() throws IOException {
        printer.flush();
    }

    /** Flushes and closes the underlying writer. */
    @Override
    public void close() throws IOException {
        printer.close(true);
    }

    private void measurement(Measurement m) {
        set(m.indicatorCode(), m.regionCode(), m.period().code(), m.campaignCode(), plain(m.value()),
                plain(m.changePct()), m.qualifier() == null ? null : m.qualifier().code(), m.note(),
                m.source() == null ? null : m.source().title(), m.source() == null ? null : m.source().sentence());
    }

    private void den(DenTakedown d) {
        set(d.id().toString(), d.takenOn().toString(), d.regionCode(), d.city(), d.campaignCode(), d.address(),
                Long.toString(d.suspectsArrested()), Long.toString(d.goipDevices()), Long.toString(d.phoneCards()),
                Long.toString(d.bankCards()), d.note());
    }

    private void warning(WarningBatch w) {
        set(w.id().toString(), w.batchOn().toString(), w.regionCode(), w.channel().code(),
                Long.toString(w.warnings()), Long.toString(w.personsDissuaded()), plain(w.fundsIntercepted()));
    }

    private void fraudCase(FraudCase c) {
        set(c.id().toString(), c.caseNumber(), c.registeredOn().toString(), c.regionCode(), c.type().code(),
                plain(c.loss()), plain(c.recovered()), c.status().code());
    }

    /** Times as YYYY-MM-DDTHH:MM (an instruction's are to the minute). */
    private void instruction(WarningInstruction i) {
        set(i.id().toString(), i.issuedAt().toString(), i.regionCode(), i.tier().code(), i.riskLevel().code(),
                i.contactedAt() == null ? null : i.contactedAt().toString(), i.outcome().code(),
                plain(i.fundsProtected()));
    }

    private void set(String... values) {
        System.arraycopy(values, 0, cells, 0, values.length);
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }
}
