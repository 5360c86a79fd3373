package io.linia.recovery.abuse;

import io.linia.shared.DomainException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code linia.recovery.screenshots.*}: the screenshots a locked-out user may attach to the access-recovery
 * questionnaire. Screenshots of an error message or of a sent mail help the agent; more than a few do not, and the
 * form is public, so the limits are small.
 *
 * @param maxFiles    at most this many files (3; 0 turns attachments off)
 * @param maxFileSize each at most this big (2MB: a phone's screenshot as PNG is 0.3–1.5 MB)
 * @param maxTotal    all together at most this big (5MB)
 * @param types       the picture types accepted (image/png, image/jpeg, image/webp), recognised by the file's first
 *                    bytes, whatever it claims to be; image/gif may be added too
 */
@Validated
@ConfigurationProperties("linia.recovery.screenshots")
public record UploadLimits(@DefaultValue("3") @Min(0) @Max(20) int maxFiles,
                           @DefaultValue("2MB") @NotNull DataSize maxFileSize,
                           @DefaultValue("5MB") @NotNull DataSize maxTotal,
                           @DefaultValue({"image/png", "image/jpeg", "image/webp"}) @NotEmpty List<String> types) {

    /** The input field named in refusals. */
    public static final String FIELD = "screenshots";

    /** Types Linia recognises by their first bytes, with the name shown to people. */
    private static final Map<String, String> KNOWN = Map.of("image/png", "PNG", "image/jpeg", "JPEG", "image/webp", "WebP",
            "image/gif", "GIF");

    public UploadLimits {
        if (maxFileSize != null && maxFileSize.toBytes() < 1) {
            throw new IllegalArgumentException("linia.recovery.screenshots.max-file-size must be positive, not " + setting(maxFileSize));
        }
        if (maxFileSize != null && maxTotal != null && maxTotal.compareTo(maxFileSize) < 0) {
            throw new IllegalArgumentException("linia.recovery.screenshots.max-total (" + setting(maxTotal)
                    + ") must be at least max-file-size (" + setting(maxFileSize) + ")");
        }
        if (types != null) {
            types = types.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).distinct().toList();
            for (String type : types) {
                if (!KNOWN.containsKey(type)) {
                    throw new IllegalArgumentException("linia.recovery.screenshots.types: " + type
                            + " is not a type Linia recognises by its content; choose from " + KNOWN.keySet().stream().sorted().toList());
                }
            }
        }
    }

    /** The limits out of the box. */
    public static UploadLimits defaults() {
        return new UploadLimits(3, DataSize.ofMegabytes(2), DataSize.ofMegabytes(5), List.of("image/png", "image/jpeg", "image/webp"));
    }

    /**
     * Refuses ({@link DomainException.Kind#INVALID_INPUT}, field {@value #FIELD}, naming the limit and the file) too many
     * files, a file too big, too much together, or a file whose content is not one of the accepted picture types.
     * Empty parts (a file input left empty) do not count.
     */
    public void check(List<MultipartFile> files) {
        List<MultipartFile> given = files == null ? List.of() : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (given.size() > maxFiles) {
            throw DomainException.invalid(FIELD, "recoveryAbuse.screenshots.tooMany", maxFiles, given.size());
        }
        long total = 0;
        for (MultipartFile file : given) {
            if (file.getSize() > maxFileSize.toBytes()) {
                throw DomainException.invalid(FIELD, "recoveryAbuse.screenshots.tooBig", nameOf(file), megabytes(file.getSize()),
                        megabytes(maxFileSize.toBytes()));
            }
            total += file.getSize();
        }
        if (total > maxTotal.toBytes()) {
            throw DomainException.invalid(FIELD, "recoveryAbuse.screenshots.tooMuch", megabytes(total), megabytes(maxTotal.toBytes()));
        }
        for (MultipartFile file : given) {
            String declared = file.getContentType() == null ? "" : file.getContentType().strip().toLowerCase(Locale.ROOT);
            int parameters = declared.indexOf(';');
            declared = parameters < 0 ? declared : declared.substring(0, parameters).strip();
            String actual = detectedType(file);
            // the content decides; a declared type only counts against a file when it names something else altogether
            boolean declaredAcceptable = declared.isEmpty() || declared.equals("application/octet-stream") || types.contains(declared);
            if (actual == null || !types.contains(actual) || !declaredAcceptable) {
                throw DomainException.invalid(FIELD, "recoveryAbuse.screenshots.type", nameOf(file), acceptedNames());
            }
        }
    }

    /** The picture type a file's first bytes show (image/png, image/jpeg, image/webp, image/gif), or null. */
    public static String detectedType(MultipartFile file) {
        byte[] head = new byte[12];
        int read = 0;
        try (InputStream in = file.getInputStream()) {
            while (read < head.length) {
                int n = in.read(head, read, head.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        } catch (IOException e) {
            return null;
        }
        return detectedType(Arrays.copyOf(head, read));
    }

    static String detectedType(byte[] head) {
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        if (startsWith(head, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return "image/gif";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int offset, int... expected) {
        if (head.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** A size as one would write it in the settings: 2MB, 500KB, 1000B. */
    private static String setting(DataSize size) {
        long bytes = size.toBytes();
        if (bytes != 0 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + "MB";
        }
        return bytes != 0 && bytes % 1024 == 0 ? bytes / 1024 + "KB" : bytes + "B";
    }

    private String acceptedNames() {
        return types.stream().map(KNOWN::get).collect(Collectors.joining(", "));
    }

    private static String nameOf(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? file.getName() : name.strip();
    }

    /** Megabytes with at most one decimal, rounded up (a file of 2.01 MB is not shown as "2 MB" next to a 2 MB limit). */
    private static BigDecimal megabytes(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024L), 1, RoundingMode.UP).stripTrailingZeros();
    }
}
