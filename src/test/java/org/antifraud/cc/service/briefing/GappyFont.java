package org.antifraud.cc.service.briefing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * A TrueType font that lacks glyphs, as Droid Sans Fallback lacks some: a subset of an installed Chinese TrueType
 * font that keeps only the characters asked for (so a test needs no font beyond what {@code .ci/run} installs).
 */
public final class GappyFont {
    private GappyFont() {
    }

    /** Writes to {@code out} a .ttf of {@code from}'s (first) face with only the characters of {@code keep}. */
    public static Path write(Path from, String keep, Path out) throws IOException {
        Set<Integer> chars = new TreeSet<>();
        keep.codePoints().forEach(chars::add);
        if (from.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            try (TrueTypeCollection collection = new TrueTypeCollection(from.toFile())) {
                boolean[] done = {false};
                collection.processAllFonts(f -> {
                    if (!done[0]) {
                        subset(f, chars, out);
                        done[0] = true;
                    }
                });
            }
        } else {
            try (TrueTypeFont f = new TTFParser().parse(new RandomAccessReadBufferedFile(from.toFile()))) {
                subset(f, chars, out);
            }
        }
        return out;
    }

    private static void subset(TrueTypeFont font, Set<Integer> chars, Path out) throws IOException {
        // no "name" prefix table, so the face keeps its name; cmap, glyf and the rest hold just the kept characters
        TTFSubsetter subsetter = new TTFSubsetter(font);
        subsetter.addAll(chars);
        try (OutputStream o = Files.newOutputStream(out)) {
            subsetter.writeToStream(o);
        }
    }
}
