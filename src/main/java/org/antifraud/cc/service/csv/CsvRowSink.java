package org.antifraud.cc.service.csv;

import org.antifraud.cc.domain.EntryRecord;

/**
 * Receives each record of a file as soon as it has been read without a problem, while no problem has been found
 * earlier in the file. A problem later in the file makes the whole file unusable: the caller must then discard
 * (roll back) everything it received. Lets an import write a million rows without holding them all.
 */
@FunctionalInterface
public interface CsvRowSink {
    void accept(int line, EntryRecord record);
}
