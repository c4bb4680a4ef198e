package org.district.support.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.district.support.domain.InvalidException;
import org.district.support.limits.RateLimited;
import org.district.support.problem.Problem;
import org.district.support.web.SecretAnswer;
import org.district.support.web.SecretAnswerFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.IndexView;

/**
 * What every service's API document says the same way, written once: the problem-details body of every refusal, the
 * refusals every operation of a kind can answer, the three ways of signing in, and examples of every body.
 *
 * <p>Each resource declares what is its own (its operation's id and texts, its success answers and the refusals of its
 * rules: 409, 412, 428 ...), and marks what the filter writes for it: what its {@code {id}} is ({@link PathId}), the
 * page a list answers ({@link Paged}), the CSV file an export answers ({@link CsvFile}), an answer that carries the
 * record's version ({@link Versioned}), an answer that carries a secret ({@code @SecretAnswer}). This filter adds, on
 * every operation where they can happen:
 *
 * <ul>
 *   <li>400 when it takes a query or header parameter or a body (a bad value is refused naming the field), 404 when its
 *       path names an object, 413 and 415 when it takes a body (the body-size limit and the media type);
 *   <li>for the API: 401 (no token, or one the identity provider did not sign) and 403 (a role it does not admit);
 *   <li>for pages (operations answering {@code text/html}): the browser session instead of the bearer token, and the
 *       redirect to the district's sign-in page (302) instead of 401;
 *   <li>{@code text/plain} beside every {@code text/csv} body (the same file, as some clients label it);
 *   <li>429 on an operation limited per caller ({@code @RateLimited}), and Retry-After on every 429 and 503;
 *   <li>each of these standard answers described once, under {@code components/responses}, and referred to from
 *       the operations (an operation that describes the same status itself keeps its own);
 *   <li>the {@code Problem} body ({@code application/problem+json}) on every 4xx and 5xx answer that has no body of its
 *       own, with an example; {@code Cache-Control: no-store} on every page's answer, and the no-cache headers on
 *       the successful answers of an operation whose answer carries a secret ({@code @SecretAnswer}).
 * </ul>
 *
 * <p>Who may call an operation is read from its resource's annotations ({@code @RolesAllowed}, {@code @Authenticated},
 * {@code @PermitAll}): the bearer token (or, for pages, the session) with the roles in the operation's {@code x-roles}
 * list and at the end of its description (OpenAPI 3.0 allows scopes only for OAuth schemes), or an empty requirement
 * for an operation open to anyone. Quarkus' own automatic security entries are switched off, so the document has one
 * author. Bodies without an example get one built from their schema's property examples, and schemas no operation
 * uses are removed. A build-time filter: the document the build writes (target/openapi) is the one served at
 * {@code /q/openapi}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiContract implements OASFilter {

    /** The identity provider's access tokens (quarkus.smallrye-openapi.security-scheme-name). */
    public static final String BEARER = "bearer";

    /** A device's enrolment credential ({@code Authorization: Device dc1.<device id>.<secret>}). */
    public static final String DEVICE_CREDENTIAL = "device-credential";

    /** A browser's session with a service's pages, after the identity provider's sign-in. */
    public static final String SESSION = "session";

    /**
     * Marks an operation that ignores a query parameter it cannot use (a page's display hint) instead of refusing it:
     * no automatic 400 is added for its parameters. Removed from the document.
     */
    public static final String LENIENT_PARAMETERS = "x-lenient-parameters";

    /** The extension listing the roles an operation admits. */
    public static final String ROLES = "x-roles";

    static final String PROBLEM = "Problem";
    static final String FIELD_VIOLATION = "FieldViolation";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String RESPONSES = "#/components/responses/";

    /**
     * The answers every operation that can meet them gives alike, each described once under {@code
     * components/responses} and referred to: status code to its name there and its description.
     */
    private static final Map<String, String[]> STANDARD = Map.ofEntries(
            Map.entry("400", new String[] {
                "InvalidRequest", "A parameter or field is missing or wrong; every bad one is named in errors[]"
            }),
            Map.entry("401", new String[] {
                "Unauthenticated",
                "No valid credential: missing, expired, too old, or not signed by the district's identity provider"
            }),
            Map.entry("403", new String[] {"Forbidden", "The caller's roles do not admit this operation"}),
            Map.entry("404", new String[] {"NotFound", "No such object, or none the caller may see"}),
            Map.entry("406", new String[] {
                "NotAcceptable", "The Accept header admits none of the media types the operation answers with"
            }),
            Map.entry(
                    "411",
                    new String[] {"LengthRequired", "A JSON or form body sent in chunks: it must state its length"}),
            Map.entry("413", new String[] {"PayloadTooLarge", "The body is larger than the service accepts"}),
            Map.entry("415", new String[] {"UnsupportedMediaType", "The body is not of a media type the operation takes"
            }),
            Map.entry(
                    "429",
                    new String[] {"TooManyRequests", "Too many requests from you in a short time; nothing was done"}),
            Map.entry("503", new String[] {
                "Unavailable", "The database is unavailable or busy: try again after Retry-After seconds"
            }));

    /**
     * The JDK types the scan describes as component schemas of their own, referred to from each field of the type: the
     * document writes them inline instead, as a string of the format, so that a field's annotation need only describe
     * the field.
     */
    private static final Map<String, String> SCALAR_FORMATS =
            Map.of(SCHEMAS + "UUID", "uuid", SCHEMAS + "Instant", "date-time", SCHEMAS + "LocalDate", "date");

    private static final String ETAG = "ETag";
    private static final String IF_MATCH = "If-Match";

    /** The example of a record's version, as {@code ETag} gives it and {@code If-Match} names it. */
    private static final String VERSION_EXAMPLE = "\"v3\"";

    private static final String HTML = "text/html";
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";
    private static final String PLAIN = "text/plain";
    private static final String FORM = "application/x-www-form-urlencoded";

    /** Who may call each operation, from the resources' annotations. */
    private final Map<String, Endpoints.Access> access;

    /** The operations whose answers carry a secret ({@link SecretAnswer}). */
    private final Set<String> secret;

    /** The operations with a per-caller rate limit ({@link RateLimited}). */
    private final Set<String> limited;

    /**
     * The standard answers the operations refer to, by status code, each with the first path that refers to it (the
     * {@code instance} of its example).
     */
    private final Map<String, String> standardUsed = new TreeMap<>();

    /** What each operation's {@code {id}} is ({@link PathId}). */
    private final Map<String, AnnotationInstance> pathIds;

    /** The operations answering a CSV file to save ({@link CsvFile}). */
    private final Map<String, AnnotationInstance> csvFiles;

    /** The operations whose answers carry the record's version ({@link Versioned}). */
    private final Set<String> versioned;

    /** The operations answering a page of a list ({@link Paged}). */
    private final Map<String, AnnotationInstance> paged;

    /** Quarkus hands a build-time filter the application's class index. */
    public ApiContract(IndexView index) {
        this.access = Endpoints.read(index);
        this.secret = Endpoints.annotated(index, SecretAnswer.class).keySet();
        this.limited = Endpoints.annotated(index, RateLimited.class).keySet();
        this.pathIds = Endpoints.annotated(index, PathId.class);
        this.paged = Endpoints.annotated(index, Paged.class);
        this.csvFiles = Endpoints.annotated(index, CsvFile.class);
        this.versioned = Endpoints.annotated(index, Versioned.class).keySet();
    }

    /**
     * A UUID, Instant or LocalDate written inline as a string of its format ({@link #SCALAR_FORMATS}); a nullable one
     * as a nullable string of its format. Called for every schema, the ones inside another before it.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        String format = scalarFormat(schema);
        if (format != null) {
            schema.setRef(null);
            if (schema.getType() == null) {
                schema.setType(List.of(Schema.SchemaType.STRING));
            }
            schema.setFormat(format);
        } else if (schema.getAllOf() != null && schema.getAllOf().size() == 1) {
            inline(schema, schema.getAllOf().get(0), () -> schema.setAllOf(null));
        } else if (schema.getAnyOf() != null
                && schema.getAnyOf().size() == 2
                && List.of(Schema.SchemaType.NULL)
                        .equals(schema.getAnyOf().get(1).getType())) {
            inline(schema, schema.getAnyOf().get(0), () -> schema.setAnyOf(null));
        }
        return schema;
    }

    /** Gives the schema the format of its only part, and drops the part, if that part is one of the scalars. */
    private static void inline(Schema schema, Schema part, Runnable dropPart) {
        String format = scalarFormat(part);
        if (format == null
                && part.getRef() == null
                && List.of(Schema.SchemaType.STRING).equals(part.getType())) {
            format = SCALAR_FORMATS.containsValue(part.getFormat()) ? part.getFormat() : null;
        }
        if (format != null) {
            dropPart.run();
            schema.setFormat(format);
        }
    }

    private static String scalarFormat(Schema schema) {
        return schema.getRef() == null ? null : SCALAR_FORMATS.get(schema.getRef());
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        standardUsed.clear();
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Components components = api.getComponents();
        components.addSchema(FIELD_VIOLATION, fieldViolationSchema());
        components.addSchema(PROBLEM, problemSchema());
        Examples examples = new Examples(components);
        Set<String> schemes = new LinkedHashSet<>();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().forEach((path, item) -> {
                for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                        item.getOperations().entrySet()) {
                    AnnotationInstance page = paged.get(entry.getKey() + " " + path);
                    if (page != null) {
                        page(entry.getValue(), page, components);
                    }
                    AnnotationInstance file = csvFiles.get(entry.getKey() + " " + path);
                    if (file != null) {
                        csvFile(entry.getValue(), file);
                    }
                    if (versioned.contains(entry.getKey() + " " + path)) {
                        versioned(entry.getValue());
                    }
                    describe(path, item, entry.getKey(), entry.getValue(), examples);
                    Optional.ofNullable(entry.getValue().getSecurity())
                            .ifPresent(reqs -> reqs.forEach(
                                    r -> schemes.addAll(r.getSchemes().keySet())));
                }
            });
        }
        standardUsed.forEach((code, path) -> components.addResponse(STANDARD.get(code)[0], standardAnswer(code, path)));
        securitySchemes(components, schemes);
        removeUnusedSchemas(api);
    }

    private void describe(String path, PathItem item, PathItem.HttpMethod method, Operation op, Examples examples) {
        APIResponses responses = responses(op);
        boolean page = isPage(op);
        String key = method + " " + path;
        Endpoints.Access who = access.get(key);
        AnnotationInstance pathId = pathIds.get(key);
        if (pathId != null) {
            Stream.concat(
                            Optional.ofNullable(item.getParameters()).stream().flatMap(List::stream),
                            Optional.ofNullable(op.getParameters()).stream().flatMap(List::stream))
                    .filter(p -> p.getIn() == Parameter.In.PATH && "id".equals(p.getName()))
                    .forEach(p -> describeId(p, pathId));
        }
        // A scheme the resource names itself (the device credential) stays; the rest follows the annotations.
        boolean explicit = op.getSecurity() != null && !op.getSecurity().isEmpty();
        boolean open = !explicit && (who == null || who.kind() == Endpoints.Access.Kind.OPEN);
        if (open) {
            // Open to anyone: an empty requirement says so (an absent one would leave it unsaid).
            op.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
        } else if (!explicit) {
            op.setSecurity(new ArrayList<>(
                    List.of(OASFactory.createSecurityRequirement().addScheme(page ? SESSION : BEARER))));
        }
        if (!open && page) {
            add(
                    responses,
                    "302",
                    "Not signed in (or the session ended): sent to the district's sign-in page, and"
                            + " back here after it");
            responses
                    .getAPIResponse("302")
                    .addHeader(
                            "Location",
                            OASFactory.createHeader()
                                    .description("The identity provider's sign-in page")
                                    .schema(OASFactory.createSchema()
                                            .addType(Schema.SchemaType.STRING)
                                            .format("uri")));
        } else if (!open) {
            standard(responses, path, "401");
        }
        List<String> roles = who == null ? List.of() : who.roles();
        if (!open && !roles.isEmpty()) {
            standard(responses, path, "403");
            op.addExtension(ROLES, roles);
            String line = "Roles: " + String.join(", ", roles) + ".";
            op.setDescription(op.getDescription() == null ? line : op.getDescription() + "\n\n" + line);
        }
        boolean hasBody = op.getRequestBody() != null;
        if (hasBody && op.getRequestBody().getContent() != null) {
            // A CSV file is also taken as text/plain, as some clients send a file they do not recognise.
            Content body = op.getRequestBody().getContent();
            MediaType csv = body.getMediaType(CSV);
            if (csv != null && !body.hasMediaType(PLAIN)) {
                body.addMediaType(
                        PLAIN,
                        OASFactory.createMediaType().schema(csv.getSchema()).examples(csv.getExamples()));
            }
        }
        boolean lenient = op.getExtensions() != null && op.getExtensions().containsKey(LENIENT_PARAMETERS);
        if (lenient) {
            op.removeExtension(LENIENT_PARAMETERS);
        }
        if (hasBody || (!lenient && takesParameters(item, op, "query", "header"))) {
            standard(responses, path, "400");
        }
        if (path.contains("{")) {
            standard(responses, path, "404");
        }
        if (hasBody) {
            standard(responses, path, "413");
            standard(responses, path, "415");
            Content body = op.getRequestBody().getContent();
            if (body != null
                    && body.getMediaTypes() != null
                    && body.getMediaTypes().keySet().stream()
                            .anyMatch(type -> type.contains("json") || type.equals(FORM))) {
                standard(responses, path, "411");
            }
        }
        standard(responses, path, "406");
        if (limited.contains(key)) {
            standard(responses, path, "429");
        }
        if (!(open && page)) {
            standard(responses, path, "503");
        }
        for (String code : List.of("429", "503")) {
            // Both say when to come back.
            APIResponse later = responses.getAPIResponse(code);
            if (later != null
                    && later.getRef() == null
                    && (later.getHeaders() == null || !later.getHeaders().containsKey("Retry-After"))) {
                retryAfter(later);
            }
        }
        if (secret.contains(key)) {
            responses.getAPIResponses().forEach((code, response) -> {
                if (code.startsWith("2")) {
                    noStore(response);
                }
            });
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (response.getContent() != null
                    && response.getContent().hasMediaType(HTML)
                    && (response.getHeaders() == null || !response.getHeaders().containsKey("Cache-Control"))) {
                // Every page, errors included, is answered never to be stored.
                response.addHeader(
                        "Cache-Control",
                        OASFactory.createHeader()
                                .description("Pages are never stored")
                                .schema(string("Always no-store")
                                        .addEnumeration("no-store")
                                        .example("no-store")));
            }
            if (isError(code)
                    && response.getRef() == null
                    && (response.getContent() == null
                            || response.getContent().getMediaTypes() == null
                            || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent(code, path));
            }
        });
        // answers in a fixed order (a document that diffs cleanly between builds)
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        responses.setAPIResponses(new LinkedHashMap<>(sorted));
        if (op.getRequestBody() != null) {
            examples.fill(op.getRequestBody().getContent());
        }
        responses.getAPIResponses().values().forEach(r -> examples.fill(r.getContent()));
    }

    /**
     * The 200 answer of a {@link Paged} operation, declared as an array of its items, becomes a page of them: a schema
     * of that name with the items, the page size and the cursor of the next page.
     */
    private static void page(Operation op, AnnotationInstance paged, Components components) {
        Content content = op.getResponses() == null || op.getResponses().getAPIResponse("200") == null
                ? null
                : op.getResponses().getAPIResponse("200").getContent();
        MediaType json = content == null ? null : content.getMediaType(JSON);
        if (json == null || json.getSchema() == null || json.getSchema().getItems() == null) {
            throw new IllegalStateException("@Paged operation " + op.getOperationId()
                    + " must declare its 200 answer as a JSON array of its items");
        }
        String name = paged.value("name").asString();
        components.addSchema(
                name,
                OASFactory.createSchema()
                        .addType(Schema.SchemaType.OBJECT)
                        .description(paged.value("description").asString())
                        .addRequired("items")
                        .addRequired("limit")
                        .addProperty(
                                "items",
                                OASFactory.createSchema()
                                        .addType(Schema.SchemaType.ARRAY)
                                        .description("The items of this page, in the list's order")
                                        .items(json.getSchema().getItems()))
                        .addProperty(
                                "limit",
                                OASFactory.createSchema()
                                        .addType(Schema.SchemaType.INTEGER)
                                        .format("int32")
                                        .description("The page size asked for (1 to 200, 50 by default)")
                                        .minimum(BigDecimal.ONE)
                                        .maximum(BigDecimal.valueOf(200))
                                        .example(50))
                        .addProperty(
                                "nextCursor",
                                string("Pass it back as cursor for the next page; absent on the last page")
                                        .example(paged.value("cursorExample").asString())));
        json.setSchema(OASFactory.createSchema().ref(SCHEMAS + name));
    }

    /** The 200 answer of a {@link CsvFile} operation: the file, and the header that saves it under its name. */
    private static void csvFile(Operation op, AnnotationInstance file) {
        String name = file.value("name").asString();
        responses(op)
                .addAPIResponse(
                        "200",
                        OASFactory.createAPIResponse()
                                .description("The CSV file")
                                .addHeader(
                                        "Content-Disposition",
                                        OASFactory.createHeader()
                                                .description("Saves the file as " + name)
                                                .schema(OASFactory.createSchema()
                                                        .addType(Schema.SchemaType.STRING)
                                                        .example("attachment; filename=\"" + name + "\"")))
                                .content(OASFactory.createContent()
                                        .addMediaType(
                                                CSV,
                                                OASFactory.createMediaType()
                                                        .schema(OASFactory.createSchema()
                                                                .addType(Schema.SchemaType.STRING))
                                                        .example(file.value("example")
                                                                .asString()))));
    }

    /**
     * The record's version on every successful answer ({@link Versioned}); where the operation takes {@code If-Match},
     * that header and the 412 a stale one is refused with. What the operation says itself stays.
     */
    private static void versioned(Operation op) {
        Optional.ofNullable(responses(op).getAPIResponses())
                .ifPresent(answers -> answers.forEach((code, answer) -> {
                    if (code.startsWith("2")
                            && (answer.getHeaders() == null
                                    || !answer.getHeaders().containsKey(ETAG))) {
                        answer.addHeader(
                                ETAG,
                                OASFactory.createHeader()
                                        .description("The record's version, for If-Match")
                                        .schema(OASFactory.createSchema()
                                                .addType(Schema.SchemaType.STRING)
                                                .example(VERSION_EXAMPLE)));
                    }
                }));
        Optional.ofNullable(op.getParameters()).stream()
                .flatMap(List::stream)
                .filter(p -> p.getIn() == Parameter.In.HEADER && IF_MATCH.equalsIgnoreCase(p.getName()))
                .findFirst()
                .ifPresent(ifMatch -> {
                    if (ifMatch.getDescription() == null) {
                        ifMatch.setDescription("The ETag you read, such as \"v3\" (a weak W/\"v3\" is taken alike):"
                                + " the update is refused with 412 if the record is at another version. Absent or *"
                                + " updates whatever the current version is");
                        ifMatch.setExample(VERSION_EXAMPLE);
                        ifMatch.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
                    }
                    add(
                            op.getResponses(),
                            "412",
                            "The record changed since you read it: If-Match names an older version");
                });
    }

    /** The path parameter {@code {id}} as its resource's {@link PathId} says, unless the operation said otherwise. */
    private static void describeId(Parameter id, AnnotationInstance pathId) {
        if (id.getDescription() != null) {
            return;
        }
        id.setDescription(pathId.value().asString());
        id.setExample(pathId.value("example").asString());
        id.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid"));
    }

    /** The headers of an answer that carries a secret. */
    private static void noStore(APIResponse response) {
        response.addHeader(
                "Cache-Control",
                OASFactory.createHeader()
                        .description("The answer carries a secret: no cache may keep it")
                        .schema(string("Always " + SecretAnswerFilter.CACHE_CONTROL)
                                .addEnumeration(SecretAnswerFilter.CACHE_CONTROL)
                                .example(SecretAnswerFilter.CACHE_CONTROL)));
        response.addHeader(
                "Pragma",
                OASFactory.createHeader()
                        .description("no-cache, for HTTP/1.0 caches")
                        .schema(string("Always no-cache")
                                .addEnumeration("no-cache")
                                .example("no-cache")));
    }

    /** The operation's answers, made empty first if it has none. */
    private static APIResponses responses(Operation op) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        return op.getResponses();
    }

    private static boolean isPage(Operation op) {
        if (op.getRequestBody() != null
                && op.getRequestBody().getContent() != null
                && op.getRequestBody().getContent().hasMediaType(FORM)) {
            return true;
        }
        if (op.getResponses() == null) {
            return false;
        }
        return op.getResponses().getAPIResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2"))
                .anyMatch(e -> e.getValue().getContent() != null
                        && e.getValue().getContent().hasMediaType(HTML));
    }

    private static boolean takesParameters(PathItem item, Operation op, String... kinds) {
        List<Parameter> all = new ArrayList<>();
        Optional.ofNullable(item.getParameters()).ifPresent(all::addAll);
        Optional.ofNullable(op.getParameters()).ifPresent(all::addAll);
        Set<String> wanted = Set.of(kinds);
        return all.stream()
                .anyMatch(p -> p.getIn() != null && wanted.contains(p.getIn().toString()));
    }

    private static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5");
    }

    /** Refers the operation's answer {@code code} to the standard one, unless the operation describes its own. */
    private void standard(APIResponses responses, String path, String code) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(RESPONSES + STANDARD.get(code)[0]));
            standardUsed.putIfAbsent(code, path);
        }
    }

    /** A standard answer: its description, the problem body with an example, and Retry-After on 429 and 503. */
    private static APIResponse standardAnswer(String code, String path) {
        APIResponse answer = OASFactory.createAPIResponse()
                .description(STANDARD.get(code)[1])
                .content(problemContent(code, path));
        if (code.equals("429") || code.equals("503")) {
            retryAfter(answer);
        }
        return answer;
    }

    private static void retryAfter(APIResponse response) {
        response.addHeader(
                "Retry-After",
                OASFactory.createHeader()
                        .description("Seconds to wait before trying again")
                        .schema(OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .minimum(BigDecimal.ONE)));
    }

    private static void add(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent(String code, String path) {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(SCHEMAS + PROBLEM))
                                .example(problemExample(Integer.parseInt(code), path)));
    }

    /** A problem body as the services write it for {@code status}. */
    static Map<String, Object> problemExample(int status, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        String[] kind = kind(status);
        body.put("type", Problem.TYPE_PREFIX + kind[0]);
        body.put("title", kind[1]);
        body.put("status", status);
        body.put("detail", kind[2]);
        body.put("instance", path.replaceAll("\\{[^}]+}", "0b6f1d3e-5a7c-4e2b-9f10-3c8d2a4e6b71"));
        if (status == 400) {
            // In the order the services write a violation's keys: Map.of's order changes from one build to the next.
            Map<String, Object> violation = new LinkedHashMap<>();
            violation.put("field", "limit");
            violation.put("message", "must be between 1 and 200");
            body.put("errors", List.of(violation));
        }
        body.put("correlationId", "5f0c2a9e-8b1d-4c3a-a7e2-61d94b0f3c25");
        return body;
    }

    private static String[] kind(int status) {
        return switch (status) {
            case 400 -> new String[] {"invalid-request", "Invalid request", "1 field is invalid"};
            case 401 -> new String[] {"unauthenticated", "Unauthorized", "Sign in to use this service"};
            case 403 -> new String[] {"forbidden", "Forbidden", "Your role does not allow this"};
            case 404 -> new String[] {"not-found", "Not Found", "No such object"};
            case 409 -> new String[] {"conflict", "Conflict", "The object changed its state; read it again"};
            case 412 -> new String[] {"stale-version", "Precondition failed", "The object changed since you read it"};
            case 413 -> new String[] {"payload-too-large", "Request Entity Too Large", "The body is too large"};
            case 406 -> new String[] {"not-acceptable", "Not Acceptable", "Accept application/json"};
            case 411 -> new String[] {"length-required", "Length Required", "State the body's length"};
            case 415 -> new String[] {
                "unsupported-media-type", "Unsupported Media Type", "Send the body as the operation's media type"
            };
            case 428 -> new String[] {"precondition-required", "Precondition required", "Send If-Match"};
            case 429 -> new String[] {"too-many-requests", "Too Many Requests", "Try again in 30 seconds"};
            case 503 -> new String[] {"unavailable", "Service Unavailable", "Try again in a moment"};
            default -> new String[] {"http-" + status, "HTTP " + status, "The request was refused"};
        };
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details: every refusal and failure of the API is answered with one")
                .required(List.of("type", "title", "status"))
                .addProperty(
                        "type",
                        string("A URN naming the kind of problem, stable for clients to switch on")
                                .pattern("^urn:district:problem:[a-z0-9-]+$")
                                .example(Problem.TYPE_PREFIX + "invalid-request"))
                .addProperty(
                        "title",
                        string("A short summary of the kind of problem").example("Invalid request"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .minimum(BigDecimal.valueOf(400))
                                .maximum(BigDecimal.valueOf(599))
                                .description("The HTTP status code")
                                .example(400))
                .addProperty(
                        "detail",
                        string("What went wrong with this request, for the person who sent it")
                                .example("1 field is invalid"))
                .addProperty("instance", string("The request's path").example("/api/v1/devices"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .description("Every field that is wrong (absent when the problem is not about"
                                        + " fields); when more than " + InvalidException.LISTED_AT_MOST + " are, the"
                                        + " first " + InvalidException.LISTED_AT_MOST + " and a detail saying so")
                                .maxItems(InvalidException.LISTED_AT_MOST)
                                .items(OASFactory.createSchema().ref(SCHEMAS + FIELD_VIOLATION)))
                .addProperty(
                        "correlationId",
                        string("The id to quote when asking IT about this request")
                                .example("5f0c2a9e-8b1d-4c3a-a7e2-61d94b0f3c25"));
    }

    private static Schema fieldViolationSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One thing wrong with a request, named by the field that carries it")
                .required(List.of("field", "message"))
                .addProperty(
                        "field",
                        string("The JSON property path, query or path parameter, header or CSV column")
                                .example("limit"))
                .addProperty("message", string("What is wrong with it").example("must be between 1 and 200"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    private static void securitySchemes(Components components, Set<String> used) {
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        if (used.contains(BEARER)) {
            schemes.put(
                    BEARER,
                    OASFactory.createSecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description(
                                    "An access token of the district's identity provider (the realm's OpenID Connect"
                                            + " token endpoint), sent as Authorization: Bearer <token>. The operation's x-roles list"
                                            + " the realm roles it admits."));
        }
        if (used.contains(DEVICE_CREDENTIAL)) {
            schemes.put(
                    DEVICE_CREDENTIAL,
                    OASFactory.createSecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("Device")
                            .description("A device's enrolment credential, sent by its agent as Authorization: Device"
                                    + " dc1.<device id>.<secret>; issued once at enrolment, revocable by IT"));
        }
        if (used.contains(SESSION)) {
            String suffix = ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.oidc.web.authentication.cookie-suffix", String.class)
                    .map(s -> "_" + s)
                    .orElse("");
            schemes.put(
                    SESSION,
                    OASFactory.createSecurityScheme()
                            .type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.COOKIE)
                            .name("__Host-q_session_web" + suffix)
                            .description(
                                    "The browser's session with this service's pages, begun at the district's sign-in"
                                            + " page; the cookie holds only the session's key"));
        }
        components.setSecuritySchemes(schemes);
    }

    /** Drops the component schemas that nothing in the document refers to, directly or through another schema. */
    private static void removeUnusedSchemas(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> reachable = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>();
        Refs.collect(api.getPaths(), queue);
        Optional.ofNullable(api.getComponents().getResponses())
                .ifPresent(answers -> answers.values().forEach(answer -> Refs.collect(answer, queue)));
        while (!queue.isEmpty()) {
            String name = queue.remove(queue.size() - 1);
            if (reachable.add(name) && schemas.containsKey(name)) {
                Refs.collect(schemas.get(name), queue);
            }
        }
        new ArrayList<>(schemas.keySet())
                .stream().filter(name -> !reachable.contains(name)).forEach(name -> api.getComponents()
                        .removeSchema(name));
    }
}
