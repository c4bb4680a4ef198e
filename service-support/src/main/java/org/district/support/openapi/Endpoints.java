package org.district.support.openapi;

import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * Who may call each REST operation of a service, read from its resource classes' annotations ({@code @RolesAllowed},
 * {@code @Authenticated}, {@code @PermitAll}; a method's own over its class's), keyed by {@code "GET /api/v1/devices"}
 * as the API document names its operations.
 */
final class Endpoints {

    /** Who may call an operation: anyone, any signed-in person, or the people holding one of {@code roles}. */
    record Access(Kind kind, List<String> roles) {
        enum Kind {
            OPEN,
            SIGNED_IN,
            ROLES
        }
    }

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName ROLES_ALLOWED = DotName.createSimple("jakarta.annotation.security.RolesAllowed");
    private static final DotName PERMIT_ALL = DotName.createSimple("jakarta.annotation.security.PermitAll");
    private static final DotName AUTHENTICATED = DotName.createSimple("io.quarkus.security.Authenticated");
    private static final Map<DotName, String> METHODS = Map.of(
            DotName.createSimple("jakarta.ws.rs.GET"), "GET",
            DotName.createSimple("jakarta.ws.rs.POST"), "POST",
            DotName.createSimple("jakarta.ws.rs.PUT"), "PUT",
            DotName.createSimple("jakarta.ws.rs.PATCH"), "PATCH",
            DotName.createSimple("jakarta.ws.rs.DELETE"), "DELETE");

    private Endpoints() {}

    static Map<String, Access> read(IndexView index) {
        Map<String, Access> access = new HashMap<>();
        forEach(index, (key, resource, method) -> {
            Access a = access(
                    method.declaredAnnotation(ROLES_ALLOWED),
                    method.hasDeclaredAnnotation(PERMIT_ALL),
                    method.hasDeclaredAnnotation(AUTHENTICATED));
            if (a == null) {
                a = access(
                        resource.declaredAnnotation(ROLES_ALLOWED),
                        resource.hasDeclaredAnnotation(PERMIT_ALL),
                        resource.hasDeclaredAnnotation(AUTHENTICATED));
            }
            if (a != null) {
                access.put(key, a);
            }
        });
        return access;
    }

    /**
     * The operations whose resource method, or else whose resource class, carries {@code annotation}, with that
     * annotation, keyed as {@link #read} keys them.
     */
    static Map<String, AnnotationInstance> annotated(IndexView index, Class<? extends Annotation> annotation) {
        DotName name = DotName.createSimple(annotation.getName());
        Map<String, AnnotationInstance> found = new HashMap<>();
        forEach(index, (key, resource, method) -> {
            AnnotationInstance own = method.declaredAnnotation(name);
            AnnotationInstance a = own != null ? own : resource.declaredAnnotation(name);
            if (a != null) {
                found.put(key, a);
            }
        });
        return found;
    }

    private interface OperationVisitor {
        void visit(String key, ClassInfo resource, MethodInfo method);
    }

    /** Every REST operation of the index: its key ({@code "GET /api/v1/devices"}), its resource and its method. */
    private static void forEach(IndexView index, OperationVisitor visitor) {
        for (AnnotationInstance path : index.getAnnotations(PATH)) {
            if (path.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = path.target().asClass();
            for (MethodInfo method : resource.methods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                AnnotationInstance own = method.declaredAnnotation(PATH);
                visitor.visit(
                        verb + " "
                                + join(
                                        path.value().asString(),
                                        own == null ? "" : own.value().asString()),
                        resource,
                        method);
            }
        }
    }

    private static String verb(MethodInfo method) {
        for (Map.Entry<DotName, String> m : METHODS.entrySet()) {
            if (method.hasDeclaredAnnotation(m.getKey())) {
                return m.getValue();
            }
        }
        return null;
    }

    private static Access access(AnnotationInstance roles, boolean permitAll, boolean authenticated) {
        if (roles != null) {
            return new Access(Access.Kind.ROLES, List.of(roles.value().asStringArray()));
        }
        if (permitAll) {
            return new Access(Access.Kind.OPEN, List.of());
        }
        if (authenticated) {
            return new Access(Access.Kind.SIGNED_IN, List.of());
        }
        return null;
    }

    /** The operation's path as the document writes it: one slash between parts, parameters without their patterns. */
    static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        joined = joined.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
