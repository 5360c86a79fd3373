package io.linia.tickets.web;

import io.linia.tickets.CloseReason;
import io.linia.tickets.Priority;

/**
 * What the ticket page's action forms post; each action reads its own fields and is validated as
 * its command record, so the page and the API give the same answers.
 */
public class TicketForm {

    private String body;
    private String articleUrl;
    private String articleTitle;
    private Long articleId;
    private String note;
    private CloseReason reason;
    private Long categoryId;
    private Long groupId;
    private Long assigneeId;
    private Priority priority;
    private Long version;

    public String getBody() { return body; }

    public void setBody(String body) { this.body = body; }

    public String getArticleUrl() { return articleUrl; }

    /** An empty field of the page's form means "no link" (the browser always sends the input). */
    public void setArticleUrl(String articleUrl) { this.articleUrl = articleUrl == null || articleUrl.isBlank() ? null : articleUrl.strip(); }

    public String getArticleTitle() { return articleTitle; }

    public Long getArticleId() { return articleId; }

    public void setArticleId(Long articleId) { this.articleId = articleId; }

    public void setArticleTitle(String articleTitle) { this.articleTitle = articleTitle == null || articleTitle.isBlank() ? null : articleTitle; }

    public String getNote() { return note; }

    public void setNote(String note) { this.note = note; }

    public CloseReason getReason() { return reason; }

    public void setReason(CloseReason reason) { this.reason = reason; }

    public Long getCategoryId() { return categoryId; }

    public void setCategoryId(Long categoryId) { this.categoryId = categoryId; }

    public Long getGroupId() { return groupId; }

    public void setGroupId(Long groupId) { this.groupId = groupId; }

    public Long getAssigneeId() { return assigneeId; }

    public void setAssigneeId(Long assigneeId) { this.assigneeId = assigneeId; }

    public Priority getPriority() { return priority; }

    public void setPriority(Priority priority) { this.priority = priority; }

    public Long getVersion() { return version; }

    public void setVersion(Long version) { this.version = version; }
}
