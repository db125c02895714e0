package io.fs3.server.identity;

import java.security.SecureRandom;

/** New access keys (20 upper-case letters and digits, like AWS's) and secrets (40 characters, 238 bits). */
public final class KeyGenerator {
    private static final String ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String SECRET_CHARS = ALPHANUM + "abcdefghijklmnopqrstuvwxyz+/";
    private final SecureRandom random;

    public KeyGenerator(SecureRandom random) {
        this.random = random;
    }

    public String accessKey() {
        return "FS3" + random(ALPHANUM, 17);
    }

    public String secret() {
        return random(SECRET_CHARS, 40);
    }

    private String random(String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
