package org.antifraud.cc.domain;

/** Where a reported figure was published, and the sentence that states it. */
public record Source(String title, String sentence) {
}
