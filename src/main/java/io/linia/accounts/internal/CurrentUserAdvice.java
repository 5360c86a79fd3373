package io.linia.accounts.internal;

import io.linia.accounts.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page gets {@code me}: the signed-in person (null when anonymous). */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    @ModelAttribute("me")
    Actor me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof LiniaPrincipal p ? p.actor() : null;
    }
}
