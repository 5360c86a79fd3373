package io.linia.knowledge.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code linia.knowledge.transfer.*}: {@code max-file-size} — the largest CSV or zip file an import
 * accepts (default 20MB); a zip's unpacked Markdown may be five times that.
 */
@ConfigurationProperties("linia.knowledge.transfer")
public record TransferProperties(DataSize maxFileSize) {

    public TransferProperties {
        if (maxFileSize == null || maxFileSize.toBytes() <= 0) {
            maxFileSize = DataSize.ofMegabytes(20);
        }
    }

    public long maxBytes() {
        return maxFileSize.toBytes();
    }

    public long maxUnpackedBytes() {
        return maxFileSize.toBytes() * 5;
    }
}
