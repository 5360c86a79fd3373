package io.linia.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer lin_…}: one indexed lookup by the secret's SHA-256, no password hashing per request. */
@Component
class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AccountService accounts;
    private final ProblemSecurityHandlers problems;
    private final TokenPrincipalCache cache;

    ApiTokenFilter(AccountService accounts, ProblemSecurityHandlers problems, TokenPrincipalCache cache) {
        this.accounts = accounts;
        this.cache = cache;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String secret = header.substring(BEARER.length()).strip();
            Optional<LiniaPrincipal> principal = secret.startsWith(TokenDigest.PREFIX) && secret.length() < 200
                    ? principalFor(TokenDigest.of(secret)) : Optional.empty();
            if (principal.isEmpty()) {
                SecurityContextHolder.clearContext();
                problems.commence(request, response, new BadCredentialsException("invalid token"));
                return;
            }
            var authentication = UsernamePasswordAuthenticationToken.authenticated(
                    principal.get(), null, principal.get().getAuthorities());
            SecurityContextHolder.getContext().setAuthentication(authentication);
        }
        chain.doFilter(request, response);
    }

    /** From the cache of recently used tokens, else from the database (and then cached). */
    private Optional<LiniaPrincipal> principalFor(String digest) {
        Optional<LiniaPrincipal> cached = cache.get(digest);
        if (cached.isPresent()) {
            return cached;
        }
        return accounts.tokenPrincipal(digest).map(t -> {
            cache.put(digest, t.tokenId(), t.principal());
            return t.principal();
        });
    }
}
