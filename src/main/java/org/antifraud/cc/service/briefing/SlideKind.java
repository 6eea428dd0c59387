package org.antifraud.cc.service.briefing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.antifraud.cc.domain.Problem;

/** The slides a briefing can hold, in the order the report tells its story. */
public enum SlideKind {
    TITLE("title"),
    HEADLINE("headline"),
    REGIONS("regions"),
    DENS("dens"),
    WARNINGS("warnings"),
    /** Warning instructions as records (issue 17): counted and timed figures, each with its basis. */
    INSTRUCTIONS("instructions"),
    INTERCEPTION("interception"),
    CAMPAIGNS("campaigns"),
    PUBLICITY("publicity"),
    NARRATIVE("narrative");

    private final String code;

    SlideKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The slide's title: the bundle's {@code slide.title.<code>}. */
    public String title(Locale locale) {
        return BriefingWords.of(locale).get("slide.title." + code);
    }

    /** Every slide, once each, in order. */
    public static List<SlideKind> all() {
        return List.of(values());
    }

    /**
     * Slides from a comma-separated list of codes ("all" for every slide), in the order given; a slide may be
     * named twice (it is shown twice). A {@link Problem} naming the unknown code otherwise.
     */
    public static List<SlideKind> parse(String text) {
        List<SlideKind> slides = new ArrayList<>();
        for (String part : text.split(",")) {
            String code = part.strip().toLowerCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (code.equals("all")) {
                slides.addAll(all());
                continue;
            }
            slides.add(Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                    .orElseThrow(() -> new Problem("unknown_slide", "unknown slide: " + part.strip() + " (" + codes()
                            + ")", part.strip(), codes())));
        }
        if (slides.isEmpty()) {
            throw new Problem("unknown_slide", "no slides named (" + codes() + ")", text, codes());
        }
        return List.copyOf(slides);
    }

    private static String codes() {
        return String.join(", ", Arrays.stream(values()).map(SlideKind::code).toList()) + ", all";
    }
}
