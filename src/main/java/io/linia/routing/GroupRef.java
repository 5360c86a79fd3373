package io.linia.routing;

import java.util.Locale;

/** A second-line support group as other modules see it. */
public record GroupRef(long id, String code, String nameRu, String nameEn, String description, boolean active) {

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameRu;
    }
}
