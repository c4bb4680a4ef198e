package org.district.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads YAML strictly: duplicate keys are errors (Kubernetes and Compose reject them too). */
final class YamlFiles {

    private YamlFiles() {}

    /** Every non-empty document of a YAML text, as plain maps, lists and scalars. */
    static List<Object> documents(String text, String origin) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Object> documents = new ArrayList<>();
        try {
            for (Object document : yaml.loadAll(text)) {
                if (document != null) {
                    documents.add(document);
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(origin + " is not valid YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    static List<Object> documents(Path file) {
        return documents(
                RepositoryFiles.read(file),
                RepositoryFiles.ROOT.relativize(file.toAbsolutePath()).toString());
    }

    /** The objects (mappings) of a YAML file; a document that is not a mapping is an error. */
    static List<Map<String, Object>> objects(Path file) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : documents(file)) {
            objects.add(Tree.map(document, file.getFileName().toString()));
        }
        return objects;
    }

    /** A file that holds exactly one mapping. */
    static Map<String, Object> single(Path file) {
        List<Map<String, Object>> objects = objects(file);
        if (objects.size() != 1) {
            throw new IllegalArgumentException(file + " must hold exactly one YAML document, found " + objects.size());
        }
        return objects.get(0);
    }
}
