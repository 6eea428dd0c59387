package org.antifraud.cc.service.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.persistence.PrivateFiles;

/**
 * This workstation's Ed25519 signing key (issue 13): {@value #PRIVATE} (PKCS#8, 0600) and {@value #PUBLIC} (X.509)
 * in the workstation's key folder outside the data folder, made on first use. Field-station packages are signed
 * with it; headquarters trusts the public key, handed over as a station key file ({@link KeyFile}).
 */
public final class StationKeys {
    public static final String PRIVATE = "station.key";
    public static final String PUBLIC = "station.pub";
    public static final String ALGORITHM = "Ed25519";
    /** The encryption key pair (packages encrypted to this workstation, {@code export-package --to}). */
    public static final String PRIVATE_X25519 = "station-x25519.key";
    public static final String PUBLIC_X25519 = "station-x25519.pub";
    public static final String AGREEMENT = "X25519";
    /** A station key file is a few hundred bytes; anything beyond this is not one. */
    public static final int KEY_FILE_LIMIT = 16 * 1024;
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern STATION = Pattern.compile("[0-9a-zA-Z-]{1,64}");

    private final Path keyDir;
    private KeyPair pair;
    private KeyPair encryption;

    /** The keys in {@code keyDir} (a private folder: {@code Workstation.keyDir()}, or a test's). */
    public StationKeys(Path keyDir) {
        this.keyDir = keyDir;
    }

    /** A station's public key as handed to headquarters: the station id, a label and the key. */
    public record KeyFile(String station, String label, String publicKey, String encryptionKey) {
        /** A key file without an encryption key (packages to this station cannot be encrypted). */
        public KeyFile(String station, String label, String publicKey) {
            this(station, label, publicKey, null);
        }

        public String fingerprint() {
            return StationKeys.fingerprint(decode(publicKey));
        }
    }

    /** Makes the key pair if there is none yet; returns the fingerprint. */
    public synchronized String ensure() {
        encryption();
        return fingerprint(pair().getPublic());
    }

    /** The X25519 key pair packages are encrypted to (made on first use). */
    synchronized KeyPair encryption() {
        if (encryption == null) {
            encryption = loadEncryption();
        }
        return encryption;
    }

    /** The X25519 public key, X.509 in base64 (as in key files). */
    public String encryptionKeyText() {
        return Base64.getEncoder().encodeToString(encryption().getPublic().getEncoded());
    }

    public synchronized PublicKey publicKey() {
        return pair().getPublic();
    }

    /** The public key, X.509 in base64 (as in key files and signatures). */
    public String publicKeyText() {
        return Base64.getEncoder().encodeToString(publicKey().getEncoded());
    }

    public String fingerprint() {
        return fingerprint(publicKey());
    }

    /** An Ed25519 signature of {@code data} with this workstation's private key. */
    public synchronized byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(pair().getPrivate());
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + ALGORITHM, e);
        }
    }

    /**
     * A new key pair replaces this one; the old public key stays beside it as {@code station-FINGERPRINT.pub} for
     * reference, the old private key is deleted. Returns the new fingerprint.
     */
    public synchronized String rotate() {
        KeyPair old = pair();
        String oldPrint = fingerprint(old.getPublic());
        try {
            PrivateFiles.write(keyDir.resolve("station-" + oldPrint + ".pub"), old.getPublic().getEncoded());
            KeyPair next = generate();
            store(next);
            pair = next;
            KeyPair nextEncryption = KeyPairGenerator.getInstance(AGREEMENT).generateKeyPair();
            storeEncryption(nextEncryption);
            encryption = nextEncryption;
            return fingerprint(next.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an " + ALGORITHM + " key pair", e);
        }
    }

    /** Whether {@code signature} is {@code key}'s Ed25519 signature of {@code data}. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** SHA-256 of the X.509 public key, its first 16 bytes in hex: 32 digits, shown in groups of four. */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code 3f2a9c01…} as {@code 3f2a-9c01-…} for people. */
    public static String grouped(String fingerprint) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fingerprint.length(); i += 4) {
            if (i > 0) {
                b.append('-');
            }
            b.append(fingerprint, i, Math.min(fingerprint.length(), i + 4));
        }
        return b.toString();
    }

    /** A fingerprint as typed (any case, with or without '-', ':' or spaces) as stored, or null if it is none. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String plain = typed.replaceAll("[-:\\s]", "").toLowerCase(Locale.ROOT);
        return FINGERPRINT.matcher(plain).matches() ? plain : null;
    }

    /** An Ed25519 public key from its X.509 base64 text; a Problem when it is none. */
    public static PublicKey decode(String base64) {
        try {
            byte[] der = Base64.getDecoder().decode(base64.strip());
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
            if (!ALGORITHM.equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())) {
                throw new GeneralSecurityException("not an Ed25519 key");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            throw new Problem("station_key_invalid", "not an Ed25519 public key", String.valueOf(e.getMessage()));
        }
    }

    /** An X25519 public key from its X.509 base64 text; a Problem when it is none. */
    public static PublicKey decodeAgreement(String base64) {
        try {
            byte[] der = Base64.getDecoder().decode(base64.strip());
            return KeyFactory.getInstance(AGREEMENT).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            throw new Problem("station_key_invalid", "not an X25519 public key", String.valueOf(e.getMessage()));
        }
    }

    // ------------------------------------------------------------------ key files

    /** The text of this workstation's key file. */
    public String keyFileText(String station, String label) {
        return "# Anti-fraud Command Center: a field station's public key (station trust FILE)\n"
                + "format=1\n"
                + "station=" + station + "\n"
                + "label=" + propertyValue(label) + "\n"
                + "ed25519=" + publicKeyText() + "\n"
                + "x25519=" + encryptionKeyText() + "\n"
                + "fingerprint=" + grouped(fingerprint()) + "\n";
    }

    /** Reads a station key file (at most {@value #KEY_FILE_LIMIT} bytes); a Problem naming what is wrong. */
    public static KeyFile readKeyFile(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(KEY_FILE_LIMIT + 1);
        } catch (IOException e) {
            throw new Problem("file_missing", "no such file: " + file, file.toString());
        }
        if (bytes.length > KEY_FILE_LIMIT) {
            throw keyFileProblem(file, "larger than " + KEY_FILE_LIMIT + " bytes");
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw keyFileProblem(file, "not a key file");
        }
        if (!"1".equals(p.getProperty("format"))) {
            throw keyFileProblem(file, "unknown format " + p.getProperty("format"));
        }
        String station = p.getProperty("station", "").strip();
        if (!STATION.matcher(station).matches()) {
            throw keyFileProblem(file, "no station id");
        }
        String label = p.getProperty("label", "").strip();
        if (label.length() > 100) {
            throw keyFileProblem(file, "a label longer than 100 characters");
        }
        String key = p.getProperty("ed25519", "").strip();
        PublicKey decoded;
        try {
            decoded = decode(key);
        } catch (Problem e) {
            throw keyFileProblem(file, "no Ed25519 public key");
        }
        String stated = p.getProperty("fingerprint");
        if (stated != null && !fingerprint(decoded).equals(normalise(stated))) {
            throw keyFileProblem(file, "the fingerprint does not match the key");
        }
        String x25519 = p.getProperty("x25519");
        if (x25519 != null) {
            try {
                decodeAgreement(x25519);
            } catch (Problem e) {
                throw keyFileProblem(file, "no X25519 public key");
            }
        }
        return new KeyFile(station, label.isEmpty() ? "station " + station.substring(0, Math.min(8, station.length()))
                : label, key, x25519 == null ? null : x25519.strip());
    }

    private static Problem keyFileProblem(Path file, String why) {
        return new Problem("station_key_file_invalid", "not a station key file: " + file + " (" + why + ")",
                file.toString(), why);
    }

    static String propertyValue(String label) {
        Properties p = new Properties();
        p.setProperty("l", label);
        try {
            StringWriter w = new StringWriter();
            p.store(w, null);
            String text = w.toString();
            int at = text.indexOf("\nl=");
            return text.substring(at + 3).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ storage

    private KeyPair pair() {
        if (pair == null) {
            pair = load();
        }
        return pair;
    }

    private KeyPair load() {
        Path privateFile = keyDir.resolve(PRIVATE);
        Path publicFile = keyDir.resolve(PUBLIC);
        try {
            if (!Files.exists(privateFile)) {
                KeyPair made = generate();
                store(made);
                return made;
            }
            if (Files.size(privateFile) > KEY_FILE_LIMIT || Files.size(publicFile) > KEY_FILE_LIMIT) {
                throw new GeneralSecurityException("too large");
            }
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile)));
            byte[] probe = "station key check".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(probe);
            if (!verify(publicKey, probe, s.sign())) {
                throw new GeneralSecurityException("the public key is not the private key's");
            }
            return new KeyPair(publicKey, privateKey);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new Problem("station_key_damaged", "the station key is damaged: " + privateFile + " (" + e.getMessage()
                    + ")", privateFile.toString(), String.valueOf(e.getMessage()));
        }
    }

    private KeyPair loadEncryption() {
        Path privateFile = keyDir.resolve(PRIVATE_X25519);
        Path publicFile = keyDir.resolve(PUBLIC_X25519);
        try {
            if (!Files.exists(privateFile)) {
                KeyPair made = KeyPairGenerator.getInstance(AGREEMENT).generateKeyPair();
                storeEncryption(made);
                return made;
            }
            if (Files.size(privateFile) > KEY_FILE_LIMIT || Files.size(publicFile) > KEY_FILE_LIMIT) {
                throw new GeneralSecurityException("too large");
            }
            KeyFactory factory = KeyFactory.getInstance(AGREEMENT);
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile))));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new Problem("station_key_damaged", "the station key is damaged: " + privateFile + " (" + e.getMessage()
                    + ")", privateFile.toString(), String.valueOf(e.getMessage()));
        }
    }

    private void storeEncryption(KeyPair made) {
        PrivateFiles.directory(keyDir);
        PrivateFiles.write(keyDir.resolve(PRIVATE_X25519), made.getPrivate().getEncoded());
        PrivateFiles.write(keyDir.resolve(PUBLIC_X25519), made.getPublic().getEncoded());
    }

    private static KeyPair generate() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    }

    private void store(KeyPair made) {
        PrivateFiles.directory(keyDir);
        PrivateFiles.write(keyDir.resolve(PRIVATE), made.getPrivate().getEncoded());
        PrivateFiles.write(keyDir.resolve(PUBLIC), made.getPublic().getEncoded());
    }
}
