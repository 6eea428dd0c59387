package org.antifraud.cc.ui.dashboard;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import org.antifraud.cc.app.FxTestSupport;
import org.antifraud.cc.domain.NumberFormats;
import org.antifraud.cc.ui.common.Theme;

/** Plausible figures for the dashboard components and an offscreen renderer, for tests and screenshots. */
final class PanelSamples {
    private PanelSamples() {
    }

    /** Short names as an operator reads them: two or three characters in Chinese, the ISO suffix in English. */
    static final Map<String, String> SHORT_ZH = Map.ofEntries(
            Map.entry("CN-BJ", "北京"), Map.entry("CN-TJ", "天津"), Map.entry("CN-HE", "河北"),
            Map.entry("CN-SX", "山西"), Map.entry("CN-NM", "内蒙古"), Map.entry("CN-LN", "辽宁"),
            Map.entry("CN-JL", "吉林"), Map.entry("CN-HL", "黑龙江"), Map.entry("CN-SH", "上海"),
            Map.entry("CN-JS", "江苏"), Map.entry("CN-ZJ", "浙江"), Map.entry("CN-AH", "安徽"),
            Map.entry("CN-FJ", "福建"), Map.entry("CN-JX", "江西"), Map.entry("CN-SD", "山东"),
            Map.entry("CN-HA", "河南"), Map.entry("CN-HB", "湖北"), Map.entry("CN-HN", "湖南"),
            Map.entry("CN-GD", "广东"), Map.entry("CN-GX", "广西"), Map.entry("CN-HI", "海南"),
            Map.entry("CN-CQ", "重庆"), Map.entry("CN-SC", "四川"), Map.entry("CN-GZ", "贵州"),
            Map.entry("CN-YN", "云南"), Map.entry("CN-XZ", "西藏"), Map.entry("CN-SN", "陕西"),
            Map.entry("CN-GS", "甘肃"), Map.entry("CN-QH", "青海"), Map.entry("CN-NX", "宁夏"),
            Map.entry("CN-XJ", "新疆"));

    /** Fraud dens destroyed by province, made up; QH and XZ without a figure, JX and HI partly demo data. */
    static final Map<String, Double> DENS = new LinkedHashMap<>();

    static {
        Object[] rows = {
            "CN-GD", 3260.0, "CN-ZJ", 2150.0, "CN-FJ", 1830.0, "CN-JS", 1520.0, "CN-SD", 1410.0, "CN-HA", 1200.0,
            "CN-SC", 1150.0, "CN-HN", 1010.0, "CN-HB", 950.0, "CN-YN", 905.0, "CN-GX", 880.0, "CN-AH", 800.0,
            "CN-JX", 700.0, "CN-CQ", 610.0, "CN-HE", 580.0, "CN-LN", 500.0, "CN-BJ", 450.0, "CN-SH", 440.0,
            "CN-SN", 400.0, "CN-GZ", 380.0, "CN-SX", 300.0, "CN-HL", 250.0, "CN-JL", 220.0, "CN-TJ", 200.0,
            "CN-NM", 180.0, "CN-XJ", 150.0, "CN-GS", 140.0, "CN-HI", 120.0, "CN-NX", 80.0, "CN-QH", null,
            "CN-XZ", null,
        };
        for (int i = 0; i < rows.length; i += 2) {
            DENS.put((String) rows[i], (Double) rows[i + 1]);
        }
    }

    static String compact(Double v, boolean zh) {
        return NumberFormats.compact(BigDecimal.valueOf(v), null, zh);
    }

    static List<ProvinceTileMap.Tile> tiles(boolean zh) {
        List<ProvinceTileMap.Tile> out = new ArrayList<>();
        String noData = zh ? "暂无数据" : "No data";
        DENS.forEach((code, v) -> {
            String label = zh ? SHORT_ZH.get(code) : code.substring(3);
            boolean demo = code.equals("CN-JX") || code.equals("CN-HI");
            String text = v == null ? "\u2014" : compact(v, zh);
            String tip = (zh ? SHORT_ZH.get(code) + "  捣毁窝点 " : code + "  dens destroyed ")
                    + (v == null ? noData : NumberFormats.full(BigDecimal.valueOf(v), null, zh));
            out.add(new ProvinceTileMap.Tile(code, label, v, text, tip, demo));
        });
        return out;
    }

    static ProvinceTileMap map(boolean zh) {
        ProvinceTileMap map = new ProvinceTileMap();
        map.setTiles(tiles(zh));
        map.setLegendFormatter(v -> compact(v, zh));
        map.setNoDataText(zh ? "暂无数据" : "No data");
        map.setTitle(zh ? "捣毁窝点 · 2022年" : "Dens destroyed · 2022");
        map.setSelected("CN-GD");
        return map;
    }

    static List<String> months(boolean zh) {
        List<String> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            out.add(zh ? m + "月" : String.format("2022-%02d", m));
        }
        return out;
    }

    static List<Double> values(Double... v) {
        return Arrays.asList(v);
    }

    static TrendChart bars(boolean zh) {
        TrendChart chart = new TrendChart(TrendChart.Kind.STACKED_BARS);
        chart.setTickFormatter(v -> compact(v, zh));
        chart.setNoDataText(zh ? "暂无数据" : "No data");
        chart.setTotalText(zh ? "合计" : "Total");
        chart.setSeries(months(zh), List.of(
                new TrendChart.Series(zh ? "华东" : "East China",
                        values(52.0, 48.0, 61.0, 70.0, 66.0, 74.0, 80.0, 77.0, 85.0, 90.0, null, 96.0)),
                new TrendChart.Series(zh ? "华南" : "South China",
                        values(40.0, 35.0, 44.0, 51.0, 58.0, 55.0, 62.0, 60.0, 66.0, 71.0, null, 75.0)),
                new TrendChart.Series(zh ? "京津冀" : "Beijing-Tianjin-Hebei",
                        values(18.0, 15.0, 20.0, 22.0, null, 25.0, 27.0, 24.0, 29.0, 31.0, null, 33.0))));
        return chart;
    }

    static TrendChart lines(boolean zh) {
        TrendChart chart = new TrendChart(TrendChart.Kind.LINES);
        chart.setTickFormatter(v -> compact(v, zh));
        chart.setNoDataText(zh ? "暂无数据" : "No data");
        chart.setSeries(months(zh), List.of(
                new TrendChart.Series(zh ? "预警指令" : "Warning instructions",
                        values(1.42e7, 1.38e7, 1.55e7, 1.61e7, 1.70e7, 1.66e7, 1.75e7, 1.82e7, 1.79e7, 1.88e7,
                                1.93e7, 2.01e7)),
                new TrendChart.Series(zh ? "12381短信" : "12381 SMS",
                        values(3.1e6, 3.6e6, 4.2e6, null, null, 5.0e6, 5.4e6, 5.1e6, 5.8e6, 6.0e6, 6.3e6, 6.1e6)),
                new TrendChart.Series(zh ? "反诈APP" : "Anti-fraud APP",
                        values(1.2e6, 1.5e6, 1.9e6, 2.2e6, 2.6e6, 3.0e6, 3.3e6, 3.9e6, 4.1e6, 4.6e6, 5.2e6,
                                5.5e6))));
        return chart;
    }

    static PanelFrame frame(String title, String subtitle, boolean demo, boolean zh, Node content) {
        PanelFrame frame = new PanelFrame(title, content);
        frame.setSubtitle(subtitle);
        frame.setDemo(demo);
        frame.setDemoText(zh ? "演示" : "DEMO");
        return frame;
    }

    static List<String> stylesheets(Theme theme) {
        return List.of(theme.stylesheet(), "styles/app.css", "styles/dashboard.css").stream()
                .map(r -> Objects.requireNonNull(PanelSamples.class.getClassLoader().getResource(r), r)
                        .toExternalForm())
                .toList();
    }

    /** Renders {@code root} offscreen at the given size in a theme and writes a PNG. Call on the FX thread. */
    static BufferedImage render(Parent root, int width, int height, Theme theme, Path out) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().setAll(stylesheets(theme));
        root.applyCss();
        root.layout();
        WritableImage image = scene.snapshot(null);
        BufferedImage buffered = toBuffered(image);
        try {
            Files.createDirectories(out.getParent());
            ImageIO.write(buffered, "png", out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffered;
    }

    static BufferedImage toBuffered(WritableImage image) {
        return FxTestSupport.toBuffered(image);
    }
}
