package org.antifraud.cc.service.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.antifraud.cc.domain.Campaign;
import org.antifraud.cc.domain.Catalog;
import org.antifraud.cc.domain.Indicator;
import org.antifraud.cc.domain.IndicatorCategory;
import org.antifraud.cc.domain.Lang;
import org.antifraud.cc.domain.Region;
import org.antifraud.cc.domain.RegionKind;
import org.antifraud.cc.ui.common.I18n;

/** A small catalog, a fixed today, and short ways to read CSV text. */
final class CsvFixtures {
    static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    static final Catalog CATALOG = new Catalog(
            List.of(new Region("CN", RegionKind.NATION, null, "全国", "China"),
                    new Region("CN-BJ", RegionKind.PROVINCE, "CN", "北京市", "Beijing"),
                    new Region("CN-GD", RegionKind.PROVINCE, "CN", "广东省", "Guangdong"),
                    new Region("CN-ZJ", RegionKind.PROVINCE, "CN", "浙江省", "Zhejiang"),
                    new Region("ZONE-EAST", RegionKind.ZONE, null, "华东", "East China")),
            Map.of("CN", List.of("CN-BJ", "CN-GD", "CN-ZJ"), "ZONE-EAST", List.of("CN-ZJ")),
            List.of(indicator("cases_registered", Indicator.Unit.COUNT),
                    indicator("suspects_arrested", Indicator.Unit.COUNT),
                    indicator("dens_destroyed", Indicator.Unit.COUNT),
                    indicator("property_loss", Indicator.Unit.CNY),
                    indicator("funds_intercepted", Indicator.Unit.CNY)),
            List.of(new Campaign("chain_cutting", "crackdown", "断链", "Chain Cutting"),
                    new Campaign("nail_pulling", "crackdown", "拔钉", "Nail Pulling")));

    static final CsvReader READER = new CsvReader(CATALOG, CLOCK);
    static final I18n EN = new I18n(Lang.EN);
    static final I18n ZH = new I18n(Lang.ZH);

    private CsvFixtures() {
    }

    private static Indicator indicator(String code, Indicator.Unit unit) {
        return new Indicator(code, IndicatorCategory.CRACKDOWN, unit, code, code, true);
    }

    /** Reads CSV text (lines joined by CRLF) named {@code f.csv}, its type told from the header. */
    static CsvReadResult read(String... lines) {
        return read(null, lines);
    }

    static CsvReadResult read(CsvFileType type, String... lines) {
        return readBytes(type, (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    static CsvReadResult readBytes(CsvFileType type, byte[] bytes) {
        try {
            return READER.read("f.csv", new ByteArrayInputStream(bytes), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems of reading the lines, in English, as the CLI prints them. */
    static List<String> problems(String... lines) {
        return read(lines).render(EN.bundle());
    }

    static List<String> problems(CsvFileType type, String... lines) {
        return read(type, lines).render(EN.bundle());
    }
}
