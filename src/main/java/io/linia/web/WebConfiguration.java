package io.linia.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        return new LiniaLocaleResolver();
    }

    /** {@code ?lang=en} or {@code ?lang=ru} on any page switches the language and remembers it. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor).excludePathPatterns("/api/**");
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                // a boosted form answered with a page (validation errors, a refusal) must not put the
                // POST address into the browser history: reloading it would be a GET on an action
                if ("POST".equals(request.getMethod()) && request.getHeader("HX-Request") != null) {
                    response.setHeader("HX-Push-Url", "false");
                }
                return true;
            }
        }).excludePathPatterns("/api/**");
    }
}
