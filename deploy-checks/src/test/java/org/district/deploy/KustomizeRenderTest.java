package org.district.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders, and renders exactly what the real kustomize (kubectl kustomize) renders where installed. */
class KustomizeRenderTest {

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    @Test
    void localAndProductionOverlaysExist() {
        assertThat(Manifests.OVERLAYS).contains("local", "production");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void overlayRendersIntoNamespacedObjects(String overlay) {
        Manifests manifests = Manifests.of(overlay);

        assertThat(manifests.objects).hasSizeGreaterThan(30);
        assertThat(manifests.objects).allSatisfy(object -> {
            assertThat(Tree.stringAt(object, "metadata", "namespace"))
                    .as("namespace of %s", Tree.id(object))
                    .isEqualTo("district-devices");
            assertThat(Tree.mapAt(object, "metadata", "labels"))
                    .as("labels of %s", Tree.id(object))
                    .containsEntry("app.kubernetes.io/part-of", "district-devices");
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rendersExactlyWhatKubectlKustomizeRenders(String overlay) throws Exception {
        assumeTrue(kubectlAvailable(), "kubectl is not installed here; the Java renderer alone is used");

        String output = run(
                "kubectl",
                "kustomize",
                RepositoryFiles.path("k8s/overlays/" + overlay).toString());
        Map<String, Object> expected = byId(YamlFiles.documents(output, "kubectl kustomize " + overlay));
        Map<String, Object> actual = byId(List.copyOf(Manifests.of(overlay).objects));

        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((id, object) -> assertThat(actual.get(id)).as(id).isEqualTo(object));
    }

    @Test
    void configMapHashIsKustomizes() {
        // The suffix kubectl kustomize gives this generator; the "<" and ">" check Go's HTML escaping.
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("MAIL_FROM", "Reports <reports@district.example>");
        data.put("PORT", "8081");

        assertThat(Kustomize.configMapHash(data)).isEqualTo("tbh4d99gh6");
    }

    @Test
    void refusesKustomizeFeaturesItDoesNotImplement(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("kustomization.yaml"),
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ncommonLabels:\n  a: b\n");

        assertThatThrownBy(() -> Kustomize.build(dir)).hasMessageContaining("'commonLabels' is not supported");
    }

    @Test
    void refusesAPatchThatMatchesNothing(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("kustomization.yaml"),
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - sa.yaml\n"
                        + "patches:\n  - path: patch.yaml\n");
        Files.writeString(dir.resolve("sa.yaml"), "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n");
        Files.writeString(dir.resolve("patch.yaml"), "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: b\n");

        assertThatThrownBy(() -> Kustomize.build(dir)).hasMessageContaining("no single ServiceAccount/b to patch");
    }

    private static Map<String, Object> byId(List<Object> objects) {
        Map<String, Object> byId = new TreeMap<>();
        for (Object o : objects) {
            Map<String, Object> object = Tree.map(o, "object");
            String id = object.get("apiVersion") + " " + Tree.kind(object) + " "
                    + Tree.stringAt(object, "metadata", "namespace") + "/" + Tree.name(object);
            assertThat(byId.put(id, object)).as("duplicate %s", id).isNull();
        }
        return byId;
    }

    private static boolean kubectlAvailable() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("%s finished", List.of(command))
                .isTrue();
        assertThat(process.exitValue())
                .as("%s failed: %s", List.of(command), new String(err, StandardCharsets.UTF_8))
                .isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
