package org.antifraud.cc.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each province-level region sits on the tile-grid cartogram of China (the dashboard's map and the
 * briefing's regional slide): one square each, in its rough geographic place on an 8 × 8 grid: the 31 reporting provinces and
 * Taiwan, Hong Kong and Macao (34).
 */
public final class ProvinceGrid {
    /** Where a region sits: column from west to east, row from north to south. */
    public record Cell(int column, int row) {
    }

    public static final int COLUMNS = 8;
    public static final int ROWS = 8;

    /**
     * Our own grid. The free south-west corner (columns 0–1 from row 4 down, column 2 from row 5 down)
     * holds the legend, the free north-west corner (columns 0–3, rows 0–1) the title.
     */
    private static final String[] GRID = {
        "..  ..  ..  ..  ..  ..  ..  HL",
        "..  ..  ..  ..  NM  BJ  LN  JL",
        "XJ  QH  GS  NX  SX  HE  TJ  ..",
        "..  XZ  SC  SN  HA  SD  JS  ..",
        "..  ..  YN  CQ  HB  AH  ZJ  SH",
        "..  ..  ..  GZ  HN  JX  FJ  TW",
        "..  ..  ..  GX  GD  HK  ..  ..",
        "..  ..  ..  ..  HI  MO  ..  ..",
    };

    /** Province code (CN-GD …) → its cell, north-west first. */
    public static final Map<String, Cell> CELLS = parseGrid();

    private ProvinceGrid() {
    }

    private static Map<String, Cell> parseGrid() {
        Map<String, Cell> out = new LinkedHashMap<>();
        for (int row = 0; row < GRID.length; row++) {
            String[] cells = GRID[row].trim().split("\\s+");
            if (cells.length != COLUMNS) {
                throw new IllegalStateException("row " + row + " has " + cells.length + " cells");
            }
            for (int column = 0; column < cells.length; column++) {
                if (!cells[column].equals("..")) {
                    out.put("CN-" + cells[column], new Cell(column, row));
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
