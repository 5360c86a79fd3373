package io.linia.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linia.knowledge.*}: {@code public-url} — the address customers reach Linia at, for links
 * to articles in answers (default http://localhost:8080); {@code rebuild-index-on-start} — rebuild
 * the search index at start when it does not match the database (default true).
 */
@ConfigurationProperties("linia.knowledge")
public record KnowledgeProperties(String publicUrl, Boolean rebuildIndexOnStart) {

    public KnowledgeProperties {
        if (publicUrl == null || publicUrl.isBlank()) {
            publicUrl = "http://localhost:8080";
        }
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        if (rebuildIndexOnStart == null) {
            rebuildIndexOnStart = true;
        }
    }

    public String articleUrl(long id) {
        return publicUrl + "/help/articles/" + id;
    }
}
