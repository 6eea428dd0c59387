package org.antifraud.cc.service.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;

import org.antifraud.cc.domain.Problem;

/**
 * A signed package encrypted to one workstation's X25519 key (issue 13, {@code export-package --to}): an
 * ephemeral X25519 key agreement, HKDF-SHA256, AES-256-GCM, all of the JDK. The file is a short text header
 * (authenticated as the cipher's associated data), a blank line, then the ciphertext of the whole signed zip.
 */
final class PackageEnvelope {
    static final String MAGIC = "CCPKG-ENCRYPTED 1\n";
    private static final int HEADER_LIMIT = 4096;
    private static final byte[] INFO = "command-center field-station package v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private PackageEnvelope() {
    }

    /** Whether {@code file} starts as an encrypted package does. */
    static boolean isEncrypted(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(MAGIC.length());
            return Arrays.equals(start, MAGIC.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The fingerprint of an X25519 public key: as a station key's, first 16 bytes of its SHA-256 in hex. */
    static String fingerprint(PublicKey key) {
        return StationKeys.fingerprint(key);
    }

    static byte[] encrypt(byte[] zip, PublicKey recipient) {
        try {
            KeyPair ephemeral = KeyPairGenerator.getInstance(StationKeys.AGREEMENT).generateKeyPair();
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            String header = MAGIC + "recipient=" + fingerprint(recipient) + "\n"
                    + "ephemeral=" + Base64.getEncoder().encodeToString(ephemeral.getPublic().getEncoded()) + "\n"
                    + "nonce=" + Base64.getEncoder().encodeToString(nonce) + "\n\n";
            byte[] head = header.getBytes(StandardCharsets.US_ASCII);
            SecretKey key = derive(ephemeral, recipient, ephemeral.getPublic(), recipient);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            aes.updateAAD(head);
            byte[] sealed = aes.doFinal(zip);
            ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + sealed.length);
            out.write(head);
            out.write(sealed);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot encrypt a package", e);
        }
    }

    /** The signed zip inside {@code file}, decrypted with {@code own}'s key; a Problem when that cannot be. */
    static byte[] decrypt(Path file, KeyPair own, long maxBytes) throws IOException {
        if (Files.size(file) > maxBytes + HEADER_LIMIT) {
            throw new Problem("package_too_large", file + ": larger than " + maxBytes + " bytes", file.toString(),
                    maxBytes);
        }
        byte[] all = Files.readAllBytes(file);
        int end = -1;
        for (int i = MAGIC.length(); i + 1 < Math.min(all.length, HEADER_LIMIT); i++) {
            if (all[i] == '\n' && all[i + 1] == '\n') {
                end = i + 2;
                break;
            }
        }
        if (end < 0) {
            throw undecryptable(file, "no header");
        }
        byte[] head = Arrays.copyOf(all, end);
        Properties p = new Properties();
        p.load(new StringReader(new String(head, MAGIC.length(), end - MAGIC.length(),
                StandardCharsets.US_ASCII)));
        if (!fingerprint(own.getPublic()).equals(p.getProperty("recipient"))) {
            throw new Problem("package_not_for_here", file + ": encrypted to another workstation's key ("
                    + p.getProperty("recipient") + ")", file.toString(), String.valueOf(p.getProperty("recipient")));
        }
        try {
            PublicKey ephemeral = StationKeys.decodeAgreement(p.getProperty("ephemeral", ""));
            byte[] nonce = Base64.getDecoder().decode(p.getProperty("nonce", ""));
            SecretKey key = derive(own, ephemeral, ephemeral, own.getPublic());
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            aes.updateAAD(head);
            return aes.doFinal(all, end, all.length - end);
        } catch (GeneralSecurityException | IllegalArgumentException | Problem e) {
            throw undecryptable(file, "changed after encryption, or damaged");
        }
    }

    private static Problem undecryptable(Path file, String why) {
        return new Problem("package_undecryptable", file + ": cannot be decrypted (" + why + ")", file.toString(), why);
    }

    /** HKDF-SHA256 of the X25519 secret, salted with both public keys (the ephemeral one first). */
    private static SecretKey derive(KeyPair mine, PublicKey theirs, PublicKey ephemeral, PublicKey recipient)
            throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance(StationKeys.AGREEMENT);
        agreement.init(mine.getPrivate());
        agreement.doPhase(theirs, true);
        byte[] shared = agreement.generateSecret();
        byte[] salt = concat(ephemeral.getEncoded(), recipient.getEncoded());
        KDF hkdf = KDF.getInstance("HKDF-SHA256");
        SecretKey key = hkdf.deriveKey("AES", HKDFParameterSpec.ofExtract().addIKM(shared).addSalt(salt)
                .thenExpand(INFO, 32));
        Arrays.fill(shared, (byte) 0);
        return key;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
