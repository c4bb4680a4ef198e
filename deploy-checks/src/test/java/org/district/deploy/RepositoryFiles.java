package org.district.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of this repository, found from the module folder the tests run in. */
final class RepositoryFiles {

    /** The repository root: the folder with docker-compose.yml and the parent pom. */
    static final Path ROOT = findRoot();

    private RepositoryFiles() {}

    static Path path(String relative) {
        return ROOT.resolve(relative).normalize();
    }

    static String read(String relative) {
        return read(path(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + ROOT.relativize(file.toAbsolutePath()), e);
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("docker-compose.yml"))
                    && Files.isRegularFile(d.resolve("pom.xml"))
                    && Files.isDirectory(d.resolve("deploy-checks"))) {
                return d;
            }
        }
        throw new IllegalStateException("Not inside the repository (no docker-compose.yml above " + dir + ")");
    }
}
