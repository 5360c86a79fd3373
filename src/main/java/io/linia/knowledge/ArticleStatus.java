package io.linia.knowledge;

/** Only published articles are found, suggested and shown to customers; drafts and archived ones are for editors. */
public enum ArticleStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
