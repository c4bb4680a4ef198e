package org.district.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reading the machine's files the forgiving way: what cannot be read is empty, never an exception. */
final class MachineFiles {

    private MachineFiles() {}

    /** The lines of a text file (gzip-compressed when its name ends in .gz), or empty when unreadable. */
    static Optional<List<String>> lines(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return Optional.empty();
        }
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
            return Optional.of(lines);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A small file's trimmed content, or empty when unreadable or blank. */
    static Optional<String> firstLine(Path file) {
        return lines(file)
                .flatMap(l -> l.stream().findFirst())
                .map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    /** The entries of a directory, sorted by name; empty when it cannot be listed. */
    static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
