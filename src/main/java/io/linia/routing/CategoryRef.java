package io.linia.routing;

import java.util.Locale;

/**
 * A ticket category (also the section of knowledge-base articles); {@code defaultGroupId} is where
 * first line usually passes such tickets; {@code parentId} is the upper level of a two-level tree.
 */
public record CategoryRef(long id, String code, String nameRu, String nameEn, Long defaultGroupId, boolean active,
                          Long parentId) {

    /** A top-level category. */
    public CategoryRef(long id, String code, String nameRu, String nameEn, Long defaultGroupId, boolean active) {
        this(id, code, nameRu, nameEn, defaultGroupId, active, null);
    }

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameRu;
    }
}
