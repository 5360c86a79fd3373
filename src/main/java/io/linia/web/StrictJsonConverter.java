package io.linia.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * JSON request bodies must be real UTF-8: Jackson's fast byte parser lets some malformed sequences
 * through (overlong forms such as C0 AF decode to "/"), so bodies are checked by the JDK's strict
 * decoder first. Bodies are also capped, so that no request can make the server buffer megabytes.
 */
@Configuration
class StrictJsonConverter {

    static final int MAX_BODY_BYTES = 1024 * 1024;

    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper objectMapper) {
        return new MappingJackson2HttpMessageConverter(objectMapper) {
            @Override
            public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
                byte[] bytes = capped(input);
                // Jackson first, so that what it finds wrong is reported at its field
                Object value = super.read(type, contextClass, replay(bytes, input));
                requireUtf8(bytes, input);
                return value;
            }

            @Override
            protected Object readInternal(Class<?> clazz, HttpInputMessage input) throws IOException {
                byte[] bytes = capped(input);
                Object value = super.readInternal(clazz, replay(bytes, input));
                requireUtf8(bytes, input);
                return value;
            }
        };
    }

    private static byte[] capped(HttpInputMessage input) throws IOException {
        byte[] bytes = input.getBody().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new HttpMessageNotReadableException("request body larger than " + MAX_BODY_BYTES + " bytes", input);
        }
        return bytes;
    }

    private static void requireUtf8(byte[] bytes, HttpInputMessage input) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new HttpMessageNotReadableException("request body is not valid UTF-8", e, input);
        }
    }

    private static HttpInputMessage replay(byte[] bytes, HttpInputMessage input) {
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }
}
