package io.linia.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Russian unless told otherwise. Pages: the language the person chose (cookie), else Russian — a
 * browser set to English does not switch the desk's language by itself. API: Accept-Language.
 */
class LiniaLocaleResolver implements LocaleResolver {

    static final String COOKIE = "linia-lang";
    private static final String CHOSEN = LiniaLocaleResolver.class.getName() + ".chosen";
    static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final List<Locale> SUPPORTED = List.of(RUSSIAN, Locale.ENGLISH);

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            String header = request.getHeader("Accept-Language");
            if (header == null || header.isBlank()) {
                return RUSSIAN;
            }
            try {
                Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                return match == null ? RUSSIAN : match;
            } catch (IllegalArgumentException e) {
                return RUSSIAN;
            }
        }
        if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
            return chosen;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return of(cookie.getValue());
                }
            }
        }
        return RUSSIAN;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale chosen = of(locale == null ? "ru" : locale.getLanguage());
        request.setAttribute(CHOSEN, chosen);
        Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    static Locale of(String language) {
        return "en".equalsIgnoreCase(language) ? Locale.ENGLISH : RUSSIAN;
    }
}
