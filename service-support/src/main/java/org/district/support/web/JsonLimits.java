package org.district.support.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * JSON reading rules for every service: strict (unknown fields, numbers for enums and nulls for primitives are
 * refused, so a typo in a field name is reported instead of silently ignored) and bounded (document size, nesting,
 * string length), so a hostile body cannot exhaust memory.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // No silent conversions between scalar types: "42" is not a number, true is not a text, 1 is not a boolean.
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        for (LogicalType type :
                new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                // An integer is a perfectly good decimal amount (1249 for 1249.00).
                .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        strictTimes(mapper);
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(2_000_000)
                        .maxNestingDepth(32)
                        .maxStringLength(200_000)
                        .maxNumberLength(40)
                        .build());
    }

    /**
     * Dates and times only from their ISO text: the time module would also read an array (an empty one as no value at
     * all, so a device sending [] for its patch date would pass as one that cannot read it) and numbers.
     */
    private static void strictTimes(ObjectMapper mapper) {
        // The time module first, so that the strict readers below, registered later, are the ones asked first.
        mapper.registerModule(new JavaTimeModule());
        SimpleModule strict = new SimpleModule("district-strict-times");
        onlyText(strict, LocalDate.class, LocalDateDeserializer.INSTANCE);
        onlyText(strict, LocalDateTime.class, LocalDateTimeDeserializer.INSTANCE);
        onlyText(strict, Instant.class, InstantDeserializer.INSTANT);
        onlyText(strict, OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME);
        mapper.registerModule(strict);
    }

    private static <T> void onlyText(SimpleModule module, Class<T> type, JsonDeserializer<? extends T> reader) {
        module.addDeserializer(type, new StdScalarDeserializer<T>(type) {
            @Override
            @SuppressWarnings("unchecked")
            public T deserialize(JsonParser p, DeserializationContext context) throws IOException {
                if (!p.hasToken(JsonToken.VALUE_STRING)) {
                    return (T) context.handleUnexpectedToken(type, p);
                }
                return reader.deserialize(p, context);
            }
        });
    }
}
