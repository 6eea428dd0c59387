package org.antifraud.cc.service.briefing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The colour tokens ({@code -cc-…: #rrggbb;} or a reference to another token) declared in the {@code .root} blocks
 * of the application's stylesheets, read as JavaFX's cascade reads them: a later file overrides an earlier one.
 * Only for our own files in {@code styles/}; bounded all the same, and a line-numbered message for what it cannot
 * read.
 */
final class StyleTokens {
    private static final int MAX_BYTES = 256 * 1024;
    private static final int MAX_DEPTH = 8;
    private static final Pattern ROOT = Pattern.compile("\\.root\\s*\\{([^}]*)}");
    private static final Pattern COLOUR = Pattern.compile("#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})");
    private static final Pattern REFERENCE = Pattern.compile("-cc-[a-z0-9-]+");

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> where = new HashMap<>();

    StyleTokens() {
    }

    /** The tokens of {@code resources} (class-path names), in cascade order. */
    static StyleTokens read(String... resources) {
        StyleTokens tokens = new StyleTokens();
        for (String resource : resources) {
            tokens.add(resource, load(resource));
        }
        return tokens;
    }

    private static String load(String resource) {
        try (InputStream in = StyleTokens.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no stylesheet " + resource + " on the class path");
            }
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IllegalStateException(resource + " is larger than " + MAX_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** {@code css} as if it were the file {@code resource}, after the tokens read so far. */
    StyleTokens add(String resource, String css) {
        String text = withoutComments(css);
        Matcher root = ROOT.matcher(text);
        while (root.find()) {
            int offset = root.start(1);
            for (String declaration : root.group(1).split(";", -1)) {
                String d = declaration.strip();
                int line = lineOf(text, offset + declaration.indexOf(d.isEmpty() ? " " : d));
                offset += declaration.length() + 1;
                if (!d.startsWith("-cc-")) {
                    continue; // JavaFX's own properties (-fx-…)
                }
                int colon = d.indexOf(':');
                if (colon < 0) {
                    throw new IllegalStateException(resource + " line " + line + ": not a declaration: " + d);
                }
                String name = d.substring(0, colon).strip();
                values.put(name, d.substring(colon + 1).strip());
                where.put(name, resource + " line " + line);
            }
        }
        return this;
    }

    /** Comments blanked out, line breaks kept (for the line numbers). */
    private static String withoutComments(String css) {
        StringBuilder out = new StringBuilder(css);
        int from = 0;
        while ((from = out.indexOf("/*", from)) >= 0) {
            int end = out.indexOf("*/", from + 2);
            int stop = end < 0 ? out.length() : end + 2;
            for (int i = from; i < stop; i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
            from = stop;
        }
        return out.toString();
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The colour {@code token} comes to, following references to other tokens: 0xRRGGBB. */
    int colour(String token) {
        String name = token;
        for (int depth = 0; depth <= MAX_DEPTH; depth++) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalStateException("no token " + name + (name.equals(token) ? "" : " (for " + token + ")")
                        + " in the stylesheets");
            }
            Matcher hex = COLOUR.matcher(value);
            if (hex.matches()) {
                String digits = hex.group(1);
                if (digits.length() == 3) {
                    digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1)
                            + digits.charAt(2) + digits.charAt(2);
                }
                return Integer.parseInt(digits, 16);
            }
            if (!REFERENCE.matcher(value).matches()) {
                throw new IllegalStateException(where.get(name) + ": " + name + " is not a #rrggbb colour nor a token: "
                        + value);
            }
            name = value;
        }
        throw new IllegalStateException(token + ": more than " + MAX_DEPTH + " references deep");
    }
}
