package io.linia.routing;

import java.util.Locale;

/** A ticket category; {@code defaultGroupId} is where first line usually passes such tickets. */
public record CategoryRef(long id, String code, String nameRu, String nameEn, Long defaultGroupId, boolean active) {

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameRu;
    }
}
