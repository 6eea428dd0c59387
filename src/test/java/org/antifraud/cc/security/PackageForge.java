package org.antifraud.cc.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.antifraud.cc.service.exchange.StationKeys;

/**
 * Takes a field-station package apart and puts a changed one together, as an attacker (or a station with its own
 * key) would: entries changed, added, removed or doubled, the manifest rewritten and signed again with any key.
 */
public final class PackageForge {
    public static final String SIGNATURE = "signature.properties";
    public static final String MANIFEST = "manifest.properties";

    /** The entries in order; a name may appear twice. */
    private final List<Map.Entry<String, byte[]>> entries = new ArrayList<>();

    private PackageForge() {
    }

    public static PackageForge of(Path zip) throws IOException {
        PackageForge f = new PackageForge();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                f.entries.add(Map.entry(e.getName(), in.readAllBytes()));
            }
        }
        return f;
    }

    public byte[] get(String name) {
        return entries.stream().filter(e -> e.getKey().equals(name)).findFirst().orElseThrow().getValue();
    }

    public String text(String name) {
        return new String(get(name), StandardCharsets.UTF_8);
    }

    /** Replaces the entry's bytes (or adds it at the end). */
    public PackageForge put(String name, byte[] bytes) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).getKey().equals(name)) {
                entries.set(i, Map.entry(name, bytes));
                return this;
            }
        }
        entries.add(Map.entry(name, bytes));
        return this;
    }

    public PackageForge put(String name, String text) {
        return put(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds an entry at the end even if its name is there already. */
    public PackageForge append(String name, byte[] bytes) {
        entries.add(Map.entry(name, bytes));
        return this;
    }

    public PackageForge remove(String name) {
        entries.removeIf(e -> e.getKey().equals(name));
        return this;
    }

    /** The manifest listing the content entries as they are now, with {@code extra} lines; signed by {@code key}. */
    public PackageForge resign(StationKeys key, Map<String, String> replaced) throws Exception {
        Properties old = new Properties();
        old.load(new StringReader(text(MANIFEST)));
        Map<String, String> head = new LinkedHashMap<>();
        for (String k : List.of("format", "station", "operator", "created_at", "audit_entries")) {
            head.put(k, old.getProperty(k));
        }
        head.putAll(replaced);
        StringBuilder m = new StringBuilder();
        head.forEach((k, v) -> m.append(k).append('=').append(v).append('\n'));
        List<Map.Entry<String, byte[]>> content = entries.stream()
                .filter(e -> !e.getKey().equals(SIGNATURE) && !e.getKey().equals(MANIFEST)).toList();
        m.append("entries=").append(content.size()).append('\n');
        int i = 0;
        for (Map.Entry<String, byte[]> e : content) {
            i++;
            m.append("entry.").append(i).append(".name=").append(e.getKey()).append('\n');
            m.append("entry.").append(i).append(".size=").append(e.getValue().length).append('\n');
            m.append("entry.").append(i).append(".sha256=").append(
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(e.getValue()))).append('\n');
        }
        return signManifest(key, m.toString());
    }

    /** Puts {@code manifest} in as it is and signs it with {@code key}. */
    public PackageForge signManifest(StationKeys key, String manifest) {
        byte[] bytes = manifest.getBytes(StandardCharsets.UTF_8);
        put(MANIFEST, bytes);
        put(SIGNATURE, "format=1\nalgorithm=Ed25519\nsigner.fingerprint=" + key.fingerprint() + "\nsigner.public_key="
                + key.publicKeyText() + "\nsignature=" + Base64.getEncoder().encodeToString(key.sign(bytes)) + "\n");
        entries.sort((a, b) -> rank(a.getKey()) - rank(b.getKey()));
        return this;
    }

    private static int rank(String name) {
        return name.equals(SIGNATURE) ? 0 : name.equals(MANIFEST) ? 1 : 2;
    }

    /**
     * Writes the zip. ZipOutputStream refuses a name twice, so a second one is written under a stand-in name of the
     * same length (last character '~') and patched in the bytes afterwards.
     */
    public Path write(Path out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<String> names = new HashSet<>();
        List<String[]> patches = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries) {
                String name = e.getKey();
                if (!names.add(name)) {
                    String stand = name.substring(0, name.length() - 1) + "~";
                    patches.add(new String[]{stand, name});
                    name = stand;
                }
                zip.putNextEntry(new ZipEntry(name));
                try (InputStream in = new ByteArrayInputStream(e.getValue())) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        byte[] zipBytes = bytes.toByteArray();
        for (String[] p : patches) {
            byte[] from = p[0].getBytes(StandardCharsets.UTF_8);
            byte[] to = p[1].getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i + from.length <= zipBytes.length; i++) {
                if (Arrays.equals(zipBytes, i, i + from.length, from, 0, from.length)) {
                    System.arraycopy(to, 0, zipBytes, i, to.length);
                }
            }
        }
        Files.write(out, zipBytes);
        return out;
    }
}
