package org.antifraud.cc.service.csv;

import java.util.ArrayList;
import java.util.List;

/** The problems of one file as they are found: the first {@code limit} kept, the rest only counted. */
final class Problems {
    private final String file;
    private final int limit;
    private final List<CsvProblem> listed = new ArrayList<>();
    private int total;

    Problems(String file, int limit) {
        this.file = file;
        this.limit = limit;
    }

    void add(int line, String column, CsvProblem.Kind kind, Object... args) {
        total++;
        if (listed.size() < limit) {
            listed.add(new CsvProblem(file, line, column, kind, List.of(args)));
        }
    }

    int total() {
        return total;
    }

    boolean none() {
        return total == 0;
    }

    List<CsvProblem> listed() {
        return listed;
    }

    int more() {
        return total - listed.size();
    }
}
