package org.antifraud.cc.service.csv;

import java.util.Arrays;

/** A map from non-negative long keys to ints, open addressing: a million keys in 24 MB, no boxing. */
final class LongIntMap {
    private static final long FREE = Long.MIN_VALUE;

    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap() {
        keys = new long[1024];
        values = new int[1024];
        Arrays.fill(keys, FREE);
    }

    /** Stores {@code value} unless the key is there already; returns the value it already had, or -1. */
    int putIfAbsent(long key, int value) {
        if (key < 0) {
            throw new IllegalArgumentException("negative key " + key);
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != FREE) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return -1;
    }

    int size() {
        return size;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, FREE);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                putIfAbsent(oldKeys[i], oldValues[i]);
            }
        }
    }
}
