package io.linia.recovery.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.shared.DomainException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/** Screenshots on the questionnaire: how many, how big each and together, and pictures by their content. */
class UploadLimitsTest {

    private final UploadLimits limits = UploadLimits.defaults();

    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    static byte[] jpeg(int size) {
        byte[] bytes = new byte[size];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }

    static byte[] webp(int size) {
        byte[] bytes = Arrays.copyOf("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), size);
        return bytes;
    }

    static MultipartFile file(String name, String type, byte[] content) {
        return new MockMultipartFile("screenshots", name, type, content);
    }

    private static void refused(List<MultipartFile> files, UploadLimits limits, String key, Object... args) {
        assertThatThrownBy(() -> limits.check(files)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_INPUT);
            assertThat(e.field()).isEqualTo("screenshots");
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.args()).containsExactly(args);
        });
    }

    @Test
    void theDefaultsAreThreePicturesOfTwoMegabytesAndFiveTogether() {
        assertThat(limits.maxFiles()).isEqualTo(3);
        assertThat(limits.maxFileSize()).isEqualTo(DataSize.ofMegabytes(2));
        assertThat(limits.maxTotal()).isEqualTo(DataSize.ofMegabytes(5));
        assertThat(limits.types()).containsExactly("image/png", "image/jpeg", "image/webp");
    }

    @Test
    void picturesWithinTheLimitsPassAndEmptyPartsDoNotCount() {
        List<MultipartFile> files = List.of(file("a.png", "image/png", png(2 * 1024 * 1024)),
                file("b.jpg", "image/jpeg", jpeg(1024 * 1024)), file("c.webp", "image/webp", webp(2 * 1024 * 1024)),
                file("", "application/octet-stream", new byte[0]));
        assertThatCode(() -> limits.check(files)).doesNotThrowAnyException();
        assertThatCode(() -> limits.check(List.of())).doesNotThrowAnyException();
        assertThatCode(() -> limits.check(null)).doesNotThrowAnyException();
    }

    @Test
    void aFourthFileIsRefused() {
        List<MultipartFile> files = List.of(file("1.png", "image/png", png(100)), file("2.png", "image/png", png(100)),
                file("3.png", "image/png", png(100)), file("4.png", "image/png", png(100)));
        refused(files, limits, "recoveryAbuse.screenshots.tooMany", 3, 4);
    }

    @Test
    void aFileOverTwoMegabytesIsRefusedWithItsNameAndSize() {
        List<MultipartFile> files = List.of(file("big.png", "image/png", png(2 * 1024 * 1024 + 1)));
        refused(files, limits, "recoveryAbuse.screenshots.tooBig", "big.png", new BigDecimal("2.1"), new BigDecimal("2"));
    }

    @Test
    void moreThanFiveMegabytesTogetherIsRefused() {
        List<MultipartFile> files = List.of(file("a.png", "image/png", png(2 * 1024 * 1024)),
                file("b.png", "image/png", png(2 * 1024 * 1024)), file("c.png", "image/png", png(1024 * 1024 + 512 * 1024)));
        refused(files, limits, "recoveryAbuse.screenshots.tooMuch", new BigDecimal("5.5"), new BigDecimal("5"));
    }

    @Test
    void theTypeIsJudgedByTheContentNotByTheName() {
        // a page calling itself a PNG
        refused(List.of(file("shot.png", "image/png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))),
                limits, "recoveryAbuse.screenshots.type", "shot.png", "PNG, JPEG, WebP");
        // a GIF is a picture, but not one of the accepted types
        refused(List.of(file("anim.gif", "image/gif", "GIF89a\1\0\1\0".getBytes(StandardCharsets.ISO_8859_1))),
                limits, "recoveryAbuse.screenshots.type", "anim.gif", "PNG, JPEG, WebP");
        // a real PNG that claims to be HTML is refused too: the declared type names something else altogether
        refused(List.of(file("x.html", "text/html", png(100))), limits, "recoveryAbuse.screenshots.type", "x.html", "PNG, JPEG, WebP");
        // a PNG named .jpg (and so declared image/jpeg by the browser), or declared as nothing in particular, is what it is
        assertThatCode(() -> limits.check(List.of(file("shot.jpg", "image/jpeg", png(100)),
                file("shot.bin", "application/octet-stream", jpeg(100)), file("shot", null, webp(100))))).doesNotThrowAnyException();
        // too short to be anything
        refused(List.of(file("tiny.png", "image/png", new byte[] {(byte) 0x89, 'P'})), limits, "recoveryAbuse.screenshots.type",
                "tiny.png", "PNG, JPEG, WebP");
    }

    @Test
    void picturesAreRecognisedByTheirFirstBytes() {
        assertThat(UploadLimits.detectedType(file("a", null, png(20)))).isEqualTo("image/png");
        assertThat(UploadLimits.detectedType(file("a", null, jpeg(20)))).isEqualTo("image/jpeg");
        assertThat(UploadLimits.detectedType(file("a", null, webp(20)))).isEqualTo("image/webp");
        assertThat(UploadLimits.detectedType(file("a", null, "GIF87a..".getBytes(StandardCharsets.ISO_8859_1)))).isEqualTo("image/gif");
        assertThat(UploadLimits.detectedType(file("a", null, "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)))).isNull();
        assertThat(UploadLimits.detectedType(file("a", null, "%PDF-1.7".getBytes(StandardCharsets.ISO_8859_1)))).isNull();
    }

    @Test
    void configuredTypesAreNormalisedAndGifCanBeAdded() {
        UploadLimits withGif = new UploadLimits(1, DataSize.ofKilobytes(500), DataSize.ofKilobytes(500), List.of(" Image/GIF ", "image/png"));
        assertThat(withGif.types()).containsExactly("image/gif", "image/png");
        assertThatCode(() -> withGif.check(List.of(file("anim.gif", "image/gif", "GIF89a\1\0\1\0".getBytes(StandardCharsets.ISO_8859_1)))))
                .doesNotThrowAnyException();
        refused(List.of(file("big.gif", "image/gif", Arrays.copyOf("GIF89a".getBytes(StandardCharsets.ISO_8859_1), 600 * 1024))),
                withGif, "recoveryAbuse.screenshots.tooBig", "big.gif", new BigDecimal("0.6"), new BigDecimal("0.5"));
    }

    @Test
    void zeroFilesTurnsAttachmentsOff() {
        UploadLimits none = new UploadLimits(0, DataSize.ofMegabytes(1), DataSize.ofMegabytes(1), List.of("image/png"));
        refused(List.of(file("a.png", "image/png", png(10))), none, "recoveryAbuse.screenshots.tooMany", 0, 1);
    }
}
