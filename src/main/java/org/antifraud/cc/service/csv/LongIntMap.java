package org.antifraud.cc.service.csv;

import java.util.Arrays;

/**
 * A map from non-negative long keys to ints, open addressing, no boxing: a million keys in 32 MB. Key and value
 * share a slot of one array, so that a lookup in a table far larger than the cache costs one miss, not two.
 */
final class LongIntMap {
    private static final long FREE = Long.MIN_VALUE;

    /** Key at 2i, value at 2i + 1. */
    private long[] slots;
    private int size;

    LongIntMap() {
        slots = newSlots(1024);
    }

    /** Stores {@code value} unless the key is there already; returns the value it already had, or -1. */
    int putIfAbsent(long key, int value) {
        if (key < 0) {
            throw new IllegalArgumentException("negative key " + key);
        }
        int mask = (slots.length >> 1) - 1;
        int i = mix(key) & mask;
        long k;
        while ((k = slots[i << 1]) != FREE) {
            if (k == key) {
                return (int) slots[(i << 1) + 1];
            }
            i = (i + 1) & mask;
        }
        slots[i << 1] = key;
        slots[(i << 1) + 1] = value;
        if (++size * 2 > (slots.length >> 1)) {
            grow();
        }
        return -1;
    }

    private static long[] newSlots(int capacity) {
        long[] s = new long[capacity * 2];
        Arrays.fill(s, FREE);
        return s;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    private void grow() {
        long[] old = slots;
        slots = newSlots(old.length); // twice the capacity: old.length is two longs per slot
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != FREE) {
                putIfAbsent(old[i], (int) old[i + 1]);
            }
        }
    }
}
