package org.antifraud.cc.service.briefing;

/**
 * The slides' colours. Slides are painted, not styled by CSS, so their two palettes live here; they follow the
 * themes' palettes in {@code styles/} (ADR 0024). Light for paper, PDF and PNG; dark for a wall screen.
 */
public record SlidePalette(String name, int background, int panel, int border, int text, int muted, int accent,
                           int classification, int good, int bad, int demo, int onDemo, int noData, int[] ramp,
                           int[] series) {

    public static final SlidePalette LIGHT = new SlidePalette("light", 0xFFFFFF, 0xF1F4F8, 0xD3DAE3, 0x14202E,
            0x56657A, 0x1F5FBF, 0xB3261E, 0x1E7D4F, 0xC0392B, 0xD9730D, 0xFFFFFF, 0xE3E7ED,
            new int[]{0xDCE8F7, 0xB5CFEE, 0x86B1E3, 0x5690D4, 0x2D6FBF, 0x174D94},
            new int[]{0x2D6FBF, 0xD9730D, 0x1E7D4F, 0x8E5BB5, 0x8A97A8});

    public static final SlidePalette DARK = new SlidePalette("dark", 0x0B1320, 0x14202F, 0x2A3A4F, 0xE8EEF6,
            0x9AABC0, 0x58A6FF, 0xFF6B5E, 0x3FBF7F, 0xFF6B5E, 0xF5A442, 0x1A1000, 0x1C2838,
            new int[]{0x16324F, 0x1D4A75, 0x24629B, 0x2F7CC2, 0x4C9BE0, 0x86C0F5},
            new int[]{0x58A6FF, 0xF5A442, 0x3FBF7F, 0xC28BF0, 0x7F8EA3});

    public static SlidePalette of(String theme) {
        return "dark".equals(theme) ? DARK : LIGHT;
    }
}
