package io.linia.intake.internal.mail;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Content-Transfer-Encoding decoders that read what a human would still read: base64 with bad
 * padding or stray characters decodes what is there, quoted-printable with broken escapes keeps
 * them as written.
 */
final class TransferEncoding {

    private TransferEncoding() {
    }

    static byte[] decode(byte[] body, String encoding) {
        String name = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "base64" -> base64(body);
            case "quoted-printable" -> quotedPrintable(body, false);
            default -> body;
        };
    }

    static byte[] base64(byte[] encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length * 3 / 4 + 3);
        int buffer = 0;
        int bits = 0;
        for (byte b : encoded) {
            int value = sextet(b);
            if (value < 0) {
                if (b == '=') {
                    bits = 0; // padding ends a quantum; a concatenated second stream may follow
                    buffer = 0;
                }
                continue;
            }
            buffer = (buffer << 6) | value;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >> bits) & 0xFF);
                buffer &= (1 << bits) - 1;
            }
        }
        return out.toByteArray();
    }

    private static int sextet(byte b) {
        if (b >= 'A' && b <= 'Z') {
            return b - 'A';
        }
        if (b >= 'a' && b <= 'z') {
            return b - 'a' + 26;
        }
        if (b >= '0' && b <= '9') {
            return b - '0' + 52;
        }
        if (b == '+' || b == '-') {
            return 62;
        }
        if (b == '/' || b == '_') {
            return 63;
        }
        return -1;
    }

    /** Quoted-printable; in headers ({@code encodedWord}) '_' stands for a space. */
    static byte[] quotedPrintable(byte[] encoded, boolean encodedWord) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length);
        for (int i = 0; i < encoded.length; i++) {
            byte b = encoded[i];
            if (b == '_' && encodedWord) {
                out.write(' ');
            } else if (b == '=') {
                int softBreak = softLineBreakEnd(encoded, i + 1);
                if (softBreak > 0) {
                    i = softBreak - 1;
                } else if (i + 2 < encoded.length && hex(encoded[i + 1]) >= 0 && hex(encoded[i + 2]) >= 0) {
                    out.write(hex(encoded[i + 1]) << 4 | hex(encoded[i + 2]));
                    i += 2;
                } else {
                    out.write(b);
                }
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** After '=': trailing blanks then a line break make a soft break; returns the index after it or -1. */
    private static int softLineBreakEnd(byte[] encoded, int from) {
        int i = from;
        while (i < encoded.length && (encoded[i] == ' ' || encoded[i] == '\t')) {
            i++;
        }
        if (i < encoded.length && encoded[i] == '\r') {
            i++;
            return i < encoded.length && encoded[i] == '\n' ? i + 1 : i;
        }
        if (i < encoded.length && encoded[i] == '\n') {
            return i + 1;
        }
        return i == encoded.length ? i : -1; // '=' at the very end: a soft break with nothing after
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
