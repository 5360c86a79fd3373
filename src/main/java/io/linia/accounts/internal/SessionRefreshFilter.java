package io.linia.accounts.internal;

import io.linia.accounts.Actor;
import io.linia.accounts.UserRef;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in person's rights follow the administrator's changes on their next page, not at their
 * next sign-in: disabled users are signed out, changed roles or groups take effect at once. One
 * primary-key read per page request. It also puts the signed-in {@link Actor} in the request as {@code me}.
 */
class SessionRefreshFilter extends OncePerRequestFilter {

    private final AccountService accounts;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SessionRefreshFilter(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LiniaPrincipal principal) {
            Optional<UserRef> current = accounts.user(principal.actor().id()).filter(UserRef::enabled);
            if (current.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else {
                Actor actor = current.get().toActor();
                if (!actor.equals(principal.actor())) {
                    LiniaPrincipal fresh = LiniaPrincipal.of(current.get(), null);
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
                    SecurityContextHolder.setContext(context);
                    repository.saveContext(context, request, response);
                }
                // pages (error pages included) show who is signed in from this attribute
                request.setAttribute("me", actor);
            }
        }
        chain.doFilter(request, response);
    }
}
