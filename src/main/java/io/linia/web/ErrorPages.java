package io.linia.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that happen before any controller is chosen (no such address, wrong method, …): the
 * error page for browsers, and for everyone else an RFC 9457 problem detail like every other API error.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // not in the evaluate command
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPages extends BasicErrorController {

    private final Refusals refusals;

    ErrorPages(ErrorAttributes errorAttributes, ServerProperties server, ObjectProvider<ErrorViewResolver> resolvers,
               Refusals refusals) {
        super(errorAttributes, server.getError(), resolvers.orderedStream().toList());
        this.refusals = refusals;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return ResponseEntity.noContent().build();
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = switch (status.value()) {
            case 404 -> refusals.text("linia.error.404");
            case 403 -> refusals.text("linia.error.forbidden");
            case 401 -> refusals.text("linia.error.unauthenticated");
            default -> status.is5xxServerError() ? refusals.text("linia.error.500") : status.getReasonPhrase();
        };
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", URI.create(ApiProblems.TYPE_BASE + "http-" + status.value()).toString());
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (uri != null) {
            problem.put("instance", uri.toString());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
