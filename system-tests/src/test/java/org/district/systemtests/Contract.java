package org.district.systemtests;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.util.List;

/**
 * A service's OpenAPI document as a validator of its answers (swagger-request-validator): the status must be one the
 * operation documents, the headers it declares must be there and well-formed, and the body must be of a documented
 * media type and match its schema, with no property the schema does not declare.
 */
final class Contract {

    private final OpenApiInteractionValidator validator;

    private Contract(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    static Contract of(OpenApi api) {
        return new Contract(OpenApiInteractionValidator.createForInlineApiSpecification(api.document.toString())
                // The requests are the tests' own, bad on purpose; only the services' answers are judged here.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build());
    }

    /** What is wrong with {@code reply} as an answer of the operation {@code method} of its path; empty when nothing. */
    List<String> check(String method, Http.Reply reply) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status());
        reply.headers().forEach(response::withHeader);
        if (reply.body() != null && reply.body().length > 0) {
            response.withBody(reply.text());
        }
        String path = URI.create(reply.url()).getRawPath();
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage().replace('\n', ' '))
                .toList();
    }
}
