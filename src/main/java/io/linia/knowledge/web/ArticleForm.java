package io.linia.knowledge.web;

import io.linia.knowledge.ArticleCommand;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.ArticleView;
import io.linia.knowledge.Audience;
import java.util.Map;

/**
 * What the article editor posts. Choices arrive as text and are parsed here, so that a tampered
 * value becomes an error at its field, not a failed binding.
 */
public class ArticleForm {

    private String title;
    private String body;
    private String categoryId;
    private String audience = Audience.PUBLIC.name();
    private String language = "ru";
    private String tags;
    private String status = ArticleStatus.DRAFT.name();
    private String changeNote;
    private Long version;

    static ArticleForm of(ArticleView a) {
        ArticleForm f = new ArticleForm();
        f.title = a.title();
        f.body = a.body();
        f.categoryId = a.categoryId() == null ? "" : String.valueOf(a.categoryId());
        f.audience = a.audience().name();
        f.language = a.language();
        f.tags = String.join(", ", a.tags());
        f.status = a.status().name();
        f.version = a.version();
        return f;
    }

    /** The command, and in {@code errors} what could not be parsed. */
    ArticleCommand toCommand(Map<String, String> errors, String formatMessage) {
        Long category = null;
        if (categoryId != null && !categoryId.isBlank()) {
            try {
                category = Long.valueOf(categoryId.strip());
            } catch (NumberFormatException e) {
                errors.put("categoryId", formatMessage);
            }
        }
        return new ArticleCommand(title, body, category, parse(Audience.class, audience, "audience", errors, formatMessage),
                language, tags, parse(ArticleStatus.class, status, "status", errors, formatMessage), changeNote, version);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Map<String, String> errors,
                                               String formatMessage) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.put(field, formatMessage);
            return null;
        }
    }

    public String getTitle() { return title; }

    public void setTitle(String title) { this.title = title; }

    public String getBody() { return body; }

    public void setBody(String body) { this.body = body; }

    public String getCategoryId() { return categoryId; }

    public void setCategoryId(String categoryId) { this.categoryId = categoryId; }

    public String getAudience() { return audience; }

    public void setAudience(String audience) { this.audience = audience; }

    public String getLanguage() { return language; }

    public void setLanguage(String language) { this.language = language; }

    public String getTags() { return tags; }

    public void setTags(String tags) { this.tags = tags; }

    public String getStatus() { return status; }

    public void setStatus(String status) { this.status = status; }

    public String getChangeNote() { return changeNote; }

    public void setChangeNote(String changeNote) { this.changeNote = changeNote; }

    public Long getVersion() { return version; }

    public void setVersion(Long version) { this.version = version; }
}
