package io.linia.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.linia.shared.DomainException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 problem detail: a stable {@code type}, a translated
 * {@code detail}, and for bad input the {@code field} (and {@code errors}, one per field).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = "https://linia.io/problems/";

    private final MessageSource messages;
    private final Refusals refusals;

    ApiProblems(MessageSource messages, Refusals refusals) {
        this.messages = messages;
        this.refusals = refusals;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
        };
        String detail = refusals.explain(e);
        ProblemDetail problem = problem(status, typeOf(e), detail);
        if (e.field() != null) {
            problem.setProperty("field", e.field());
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", detail)));
        }
        e.properties().forEach(problem::setProperty);
        if (e.retryAfterSeconds() != null) {
            problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
            return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem);
        }
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "stale", text("linia.refusal.concurrent")));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "conflict", text("linia.refusal.concurrent")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(Map.of("field", e.getName(), "message", text("linia.validation.format"))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        return invalid(e.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", messageOf(f))).toList();
        return ResponseEntity.badRequest().body(invalidProblem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
                        "field", r.getMethodParameter().getParameterName() == null ? "request" : r.getMethodParameter().getParameterName(),
                        "message", messages.getMessage(err, LocaleContextHolder.getLocale()))))
                .toList();
        return ResponseEntity.badRequest().body(invalidProblem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = "body";
        String message = text("linia.validation.malformedBody");
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            message = mapping instanceof InvalidFormatException ? text("linia.validation.format") : message;
        }
        return ResponseEntity.badRequest().body(invalidProblem(List.of(Map.of("field", field, "message", message))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        // Spring's own problems (unsupported media type, missing parameter…) keep their status, get our type
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && problem.getType().toString().equals("about:blank")) {
            problem.setType(URI.create(TYPE_BASE + "http-" + statusCode.value()));
        }
        return response;
    }

    private ResponseEntity<ProblemDetail> invalid(List<Map<String, String>> errors) {
        return ResponseEntity.badRequest().body(invalidProblem(errors));
    }

    private ProblemDetail invalidProblem(List<Map<String, String>> errors) {
        String detail = errors.stream().map(m -> m.get("field") + ": " + m.get("message")).collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", detail);
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).get("field"));
        }
        problem.setProperty("errors", errors);
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(text("linia.problem." + type));
        return problem;
    }

    private static String typeOf(DomainException e) {
        return switch (e.kind()) {
            case INVALID_INPUT -> "invalid-input";
            case NOT_FOUND -> "not-found";
            case FORBIDDEN -> "forbidden";
            // any refusal that names the current version is about a stale copy (tickets, articles, canned answers)
            case CONFLICT -> "linia.refusal.stale".equals(e.messageKey()) || e.properties().containsKey("currentVersion")
                    ? "stale" : "transition-refused";
            case TOO_MANY_REQUESTS -> "too-many-requests";
        };
    }

    private String messageOf(FieldError error) {
        return messages.getMessage(error, LocaleContextHolder.getLocale());
    }

    private String text(String key, Object... args) {
        return refusals.text(key, args);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
