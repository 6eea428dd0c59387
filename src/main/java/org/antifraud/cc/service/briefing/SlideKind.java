package org.antifraud.cc.service.briefing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Problem;

/** The slides a briefing can hold, in the order the report tells its story. */
public enum SlideKind {
    TITLE("title", "反诈工作简报", "Anti-fraud briefing"),
    HEADLINE("headline", "主要指标", "Headline figures"),
    REGIONS("regions", "区域会战", "Regional battles"),
    DENS("dens", "捣毁窝点趋势", "Fraud dens destroyed over time"),
    WARNINGS("warnings", "预警劝阻", "Early warning"),
    INTERCEPTION("interception", "拦截处置与源头治理", "Interception and governance"),
    CAMPAIGNS("campaigns", "专项行动", "Campaigns"),
    PUBLICITY("publicity", "宣传防范", "Publicity"),
    NARRATIVE("narrative", "情况综述", "Summary");

    private final String code;
    private final String titleZh;
    private final String titleEn;

    SlideKind(String code, String titleZh, String titleEn) {
        this.code = code;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
    }

    public String code() {
        return code;
    }

    public String title(Locale locale) {
        return Lang.isChinese(locale) ? titleZh : titleEn;
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
