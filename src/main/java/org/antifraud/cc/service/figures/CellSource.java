package org.antifraud.cc.service.figures;

/** Where the day-grain cells come from: the rollups (always, in the app) or the raw rows (the benchmark's baseline). */
public enum CellSource { ROLLUPS, RAW_ROWS }
