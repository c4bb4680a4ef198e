package org.district.support.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.openapi.api.util.FilterUtil;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.io.IOException;
import java.util.List;
import org.district.support.limits.RateLimited;
import org.district.support.web.SecretAnswer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

/**
 * What the contract filter writes for a resource from its markers: {@code @PathId}, {@code @Paged}, {@code @CsvFile}, the
 * 429, the version ({@code @Versioned}) and secrets; and how it writes the standard answers and the JDK's scalar types.
 */
class ContractMarkersTest {

    @Path("/api/v1/things")
    @PathId(value = "The thing's id", example = "3f6c2a9e-8b1d-4c7e-9a52-1d0e7b4f6a21")
    static class ThingResource {

        @GET
        @Path("/{id}/parts")
        @RolesAllowed("it-admin")
        @Paged(name = "PartPage", description = "One page of parts", cursorExample = "MTI4Nw")
        public String parts(@PathParam("id") String id) {
            return id;
        }

        @GET
        @Path("/export")
        @RolesAllowed("it-admin")
        @CsvFile(name = "things.csv", example = "id,name\n1,lamp\n")
        public String export() {
            return "";
        }

        @PUT
        @Path("/{id}")
        @RolesAllowed("it-admin")
        @Versioned
        public String update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
            return id;
        }

        @POST
        @Path("/{id}/code")
        @RolesAllowed("it-admin")
        @SecretAnswer
        @RateLimited("codes")
        public String code(@PathParam("id") String id) {
            return id;
        }
    }

    @Test
    void theMarkersOfAResourceBecomeItsDocument() throws IOException {
        OpenAPI api = filtered(OASFactory.createPaths()
                .addPathItem(
                        "/api/v1/things/{id}/parts", OASFactory.createPathItem().GET(operation("200", arrayOfParts())))
                .addPathItem(
                        "/api/v1/things/{id}/code", OASFactory.createPathItem().POST(operation("201", null))));

        Operation parts =
                api.getPaths().getPathItem("/api/v1/things/{id}/parts").getGET();
        Parameter id = parts.getParameters().get(0);
        assertThat(id.getDescription()).isEqualTo("The thing's id");
        assertThat(id.getExample()).isEqualTo("3f6c2a9e-8b1d-4c7e-9a52-1d0e7b4f6a21");
        assertThat(id.getSchema().getFormat()).isEqualTo("uuid");
        assertThat(parts.getResponses()
                        .getAPIResponse("200")
                        .getContent()
                        .getMediaType("application/json")
                        .getSchema()
                        .getRef())
                .isEqualTo("#/components/schemas/PartPage");
        Schema page = api.getComponents().getSchemas().get("PartPage");
        assertThat(page.getProperties()).containsOnlyKeys("items", "limit", "nextCursor");
        assertThat(page.getProperties().get("items").getItems().getRef()).isEqualTo("#/components/schemas/Part");

        Operation code = api.getPaths().getPathItem("/api/v1/things/{id}/code").getPOST();
        assertThat(code.getResponses().getAPIResponse("201").getHeaders()).containsKeys("Cache-Control", "Pragma");
        assertThat(code.getResponses().getAPIResponse("429").getRef())
                .isEqualTo("#/components/responses/TooManyRequests");
        assertThat(api.getComponents().getResponses().get("TooManyRequests").getHeaders())
                .containsKey("Retry-After");
        assertThat(parts.getResponses().getAPIResponse("200").getHeaders()).isNull();
        assertThat(parts.getResponses().hasAPIResponse("429")).isFalse();
        // no operation has an error answer of its own: only the standard answers keep the problem schemas in use
        assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "FieldViolation");
    }

    @Test
    void anExportAnswersItsFileUnderItsName() throws IOException {
        OpenAPI api = filtered(OASFactory.createPaths()
                .addPathItem(
                        "/api/v1/things/export",
                        OASFactory.createPathItem()
                                .GET(OASFactory.createOperation().operationId("exportThings"))));

        APIResponse file = api.getPaths()
                .getPathItem("/api/v1/things/export")
                .getGET()
                .getResponses()
                .getAPIResponse("200");
        assertThat(file.getDescription()).isEqualTo("The CSV file");
        assertThat(file.getHeaders().get("Content-Disposition").getSchema().getExample())
                .isEqualTo("attachment; filename=\"things.csv\"");
        MediaType csv = file.getContent().getMediaType("text/csv");
        assertThat(csv.getExample()).isEqualTo("id,name\n1,lamp\n");
        assertThat(csv.getSchema().getType()).containsExactly(Schema.SchemaType.STRING);
    }

    @Test
    void theAnswersEveryOperationGivesAreDescribedOnceAndReferredTo() throws IOException {
        Operation parts = operation("200", arrayOfParts());
        parts.getResponses()
                .addAPIResponse("404", OASFactory.createAPIResponse().description("No such thing, or it has no parts"));
        OpenAPI api = filtered(OASFactory.createPaths()
                .addPathItem(
                        "/api/v1/things/{id}/parts", OASFactory.createPathItem().GET(parts))
                .addPathItem(
                        "/api/v1/things/{id}/code", OASFactory.createPathItem().POST(operation("201", null))));

        Operation code = api.getPaths().getPathItem("/api/v1/things/{id}/code").getPOST();
        for (String status : List.of("401", "403", "404", "406", "503")) {
            assertThat(code.getResponses().getAPIResponse(status).getRef())
                    .as(status)
                    .startsWith("#/components/responses/");
            assertThat(parts.getResponses().getAPIResponse(status).getRef())
                    .as(status)
                    .isEqualTo(
                            status.equals("404")
                                    ? null
                                    : code.getResponses().getAPIResponse(status).getRef());
        }
        APIResponse notFound = api.getComponents().getResponses().get("NotFound");
        assertThat(notFound.getDescription()).isEqualTo("No such object, or none the caller may see");
        MediaType problem = notFound.getContent().getMediaType("application/problem+json");
        assertThat(problem.getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
        assertThat(problem.getExample()).asString().contains("urn:district:problem:not-found");
        assertThat(api.getComponents().getResponses().get("Unavailable").getHeaders())
                .containsKey("Retry-After");
        assertThat(api.getComponents().getResponses())
                .doesNotContainKeys("InvalidRequest", "PayloadTooLarge", "UnsupportedMediaType");
        // only the answers some operation can give are described; the operation's own 404 keeps its words
        APIResponse own = parts.getResponses().getAPIResponse("404");
        assertThat(own.getDescription()).isEqualTo("No such thing, or it has no parts");
        assertThat(own.getContent()
                        .getMediaType("application/problem+json")
                        .getSchema()
                        .getRef())
                .isEqualTo("#/components/schemas/Problem");
        // the problem schemas stay
        assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "FieldViolation");
    }

    @Test
    void aVersionedOperationAnswersTheVersionAndRefusesAStaleIfMatch() throws IOException {
        Operation update = operation("200", null);
        update.addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER));
        Operation code = operation("201", null);
        filtered(OASFactory.createPaths()
                .addPathItem("/api/v1/things/{id}", OASFactory.createPathItem().PUT(update))
                .addPathItem(
                        "/api/v1/things/{id}/code", OASFactory.createPathItem().POST(code)));

        assertThat(update.getResponses().getAPIResponse("200").getHeaders()).containsKey("ETag");
        assertThat(update.getResponses()
                        .getAPIResponse("200")
                        .getHeaders()
                        .get("ETag")
                        .getSchema()
                        .getExample())
                .isEqualTo("\"v3\"");
        Parameter ifMatch = update.getParameters().stream()
                .filter(p -> p.getName().equals("If-Match"))
                .findFirst()
                .orElseThrow();
        assertThat(ifMatch.getDescription()).contains("refused with 412");
        assertThat(ifMatch.getExample()).isEqualTo("\"v3\"");
        APIResponse stale = update.getResponses().getAPIResponse("412");
        assertThat(stale.getDescription())
                .isEqualTo("The record changed since you read it: If-Match names an older version");
        assertThat(stale.getContent().getMediaType("application/problem+json")).isNotNull();
        // an operation not marked carries no version
        assertThat(code.getResponses().getAPIResponse("201").getHeaders()).doesNotContainKey("ETag");
        assertThat(code.getResponses().hasAPIResponse("412")).isFalse();
    }

    @Test
    void aUuidAnInstantOrADateIsWrittenInlineAsAStringOfItsFormat() throws IOException {
        Schema id = OASFactory.createSchema()
                .description("The thing's id")
                .addType(Schema.SchemaType.STRING)
                .addAllOf(ref("UUID"));
        Schema madeAt = ref("Instant");
        Schema dueOn = OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL))
                .addAnyOf(ref("LocalDate"))
                .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
        Schema part = ref("Part");
        Schema thing = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("id", id)
                .addProperty("madeAt", madeAt)
                .addProperty("dueOn", dueOn)
                .addProperty("part", part);
        OpenAPI api = OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem(
                                "/api/v1/things/{id}/code",
                                OASFactory.createPathItem().POST(operation("201", ref("Thing")))))
                .components(OASFactory.createComponents()
                        .addSchema("Thing", thing)
                        .addSchema("Part", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT))
                        .addSchema("UUID", scalar("uuid"))
                        .addSchema("Instant", scalar("date-time"))
                        .addSchema("LocalDate", scalar("date")));

        // the traversal Quarkus applies a filter with: every schema, then the document
        FilterUtil.applyFilter(new ApiContract(Index.of(ThingResource.class)), api);

        assertThat(id.getAllOf()).isNull();
        assertThat(id.getType()).containsExactly(Schema.SchemaType.STRING);
        assertThat(id.getFormat()).isEqualTo("uuid");
        assertThat(id.getDescription()).isEqualTo("The thing's id");
        assertThat(madeAt.getRef()).isNull();
        assertThat(madeAt.getType()).containsExactly(Schema.SchemaType.STRING);
        assertThat(madeAt.getFormat()).isEqualTo("date-time");
        assertThat(dueOn.getAnyOf()).isNull();
        assertThat(dueOn.getType()).containsExactly(Schema.SchemaType.STRING, Schema.SchemaType.NULL);
        assertThat(dueOn.getFormat()).isEqualTo("date");
        assertThat(part.getRef()).isEqualTo("#/components/schemas/Part");
        // nothing refers to the scalars' own schemas any more
        assertThat(api.getComponents().getSchemas())
                .containsKeys("Thing", "Part")
                .doesNotContainKeys("UUID", "Instant", "LocalDate");
    }

    /** A document of these paths, as the contract filter leaves it for {@link ThingResource}. */
    private static OpenAPI filtered(Paths paths) throws IOException {
        OpenAPI api = OASFactory.createOpenAPI().paths(paths);
        new ApiContract(Index.of(ThingResource.class)).filterOpenAPI(api);
        return api;
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    private static Schema scalar(String format) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format(format);
    }

    private static Schema arrayOfParts() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.ARRAY)
                .items(OASFactory.createSchema().ref("#/components/schemas/Part"));
    }

    private static Operation operation(String status, Schema body) {
        return OASFactory.createOperation()
                .operationId(status + "op")
                .addParameter(OASFactory.createParameter()
                        .name("id")
                        .in(Parameter.In.PATH)
                        .required(true)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse(
                                status,
                                OASFactory.createAPIResponse()
                                        .description("ok")
                                        .content(
                                                body == null
                                                        ? null
                                                        : OASFactory.createContent()
                                                                .addMediaType(
                                                                        "application/json",
                                                                        OASFactory.createMediaType()
                                                                                .schema(body)))));
    }
}
