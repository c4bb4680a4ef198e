package org.district.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether the file systems mounted at {@code /} and (when it is a separate mount) {@code /home} sit on dm-crypt/LUKS.
 * Read from {@code lsblk}'s JSON tree (an ancestor, or the device itself, of TYPE crypt); where lsblk is missing, from
 * /proc/mounts and the device mapper's /sys/block/dm-N/dm/uuid ({@code CRYPT-...}), following its slaves for LVM on
 * LUKS. Null when it cannot tell.
 */
final class LinuxDiskEncryption {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> MOUNTS = List.of("/", "/home");
    private static final Pattern PLAIN_DISK = Pattern.compile("/dev/(sd|vd|hd|xvd|nvme|mmcblk)[a-z0-9]+");

    private LinuxDiskEncryption() {}

    static Boolean read(Path root, CommandRunner runner) {
        Optional<String> json = runner.stdoutIfOk(TIMEOUT, "lsblk", "-J", "-o", "NAME,TYPE,MOUNTPOINTS,FSTYPE")
                .or(() -> runner.stdoutIfOk(TIMEOUT, "lsblk", "-J", "-o", "NAME,TYPE,MOUNTPOINT,FSTYPE"));
        if (json.isPresent()) {
            return fromLsblk(json.get());
        }
        return fromProcMounts(root);
    }

    /** True when every one of / and /home found is encrypted, false when one is not, null without /. */
    static Boolean fromLsblk(String json) {
        Optional<JsonNode> tree = Json.tree(json);
        if (tree.isEmpty() || !tree.get().path("blockdevices").isArray()) {
            return null;
        }
        Map<String, Boolean> mounts = new HashMap<>();
        for (JsonNode device : tree.get().path("blockdevices")) {
            walk(device, false, mounts);
        }
        return verdict(mounts);
    }

    private static void walk(JsonNode node, boolean cryptAbove, Map<String, Boolean> mounts) {
        boolean encrypted = cryptAbove || "crypt".equalsIgnoreCase(Json.text(node, "type"));
        JsonNode points = node.path("mountpoints");
        if (points.isArray()) {
            for (JsonNode p : points) {
                record(p.isTextual() ? p.asText() : null, encrypted, mounts);
            }
        }
        record(Json.text(node, "mountpoint"), encrypted, mounts);
        for (JsonNode child : node.path("children")) {
            walk(child, encrypted, mounts);
        }
    }

    private static void record(String mountPoint, boolean encrypted, Map<String, Boolean> mounts) {
        if (mountPoint != null && MOUNTS.contains(mountPoint)) {
            mounts.merge(mountPoint, encrypted, Boolean::logicalAnd);
        }
    }

    private static Boolean verdict(Map<String, Boolean> mounts) {
        if (!mounts.containsKey("/")) {
            return null;
        }
        if (mounts.containsValue(null)) {
            return mounts.containsValue(Boolean.FALSE) ? false : null;
        }
        return !mounts.containsValue(Boolean.FALSE);
    }

    /** The fallback without lsblk: the devices /proc/mounts names for / and /home, looked up in /sys/block. */
    static Boolean fromProcMounts(Path root) {
        Optional<List<String>> lines = MachineFiles.lines(root.resolve("proc/mounts"));
        if (lines.isEmpty()) {
            return null;
        }
        Map<String, String> devices = new HashMap<>();
        for (String line : lines.get()) {
            String[] f = line.split(" ");
            if (f.length >= 2) {
                String mountPoint = f[1].replace("\\040", " ");
                if (MOUNTS.contains(mountPoint)) {
                    devices.put(mountPoint, f[0]); // the last mount on a point is the one in force
                }
            }
        }
        Map<String, Boolean> mounts = new HashMap<>();
        devices.forEach((mountPoint, device) -> mounts.put(mountPoint, deviceEncrypted(root, device)));
        return verdict(mounts);
    }

    private static Boolean deviceEncrypted(Path root, String device) {
        if (device.startsWith("/dev/mapper/")) {
            String name = device.substring("/dev/mapper/".length());
            for (Path dm : MachineFiles.list(root.resolve("sys/block"))) {
                if (dm.getFileName().toString().startsWith("dm-")
                        && MachineFiles.firstLine(dm.resolve("dm/name"))
                                .filter(name::equals)
                                .isPresent()) {
                    return dmEncrypted(root, dm.getFileName().toString(), 0);
                }
            }
            return null;
        }
        if (device.matches("/dev/dm-\\d+")) {
            return dmEncrypted(root, device.substring("/dev/".length()), 0);
        }
        if (PLAIN_DISK.matcher(device).matches()) {
            return false;
        }
        return null;
    }

    private static Boolean dmEncrypted(Path root, String dm, int depth) {
        Path dir = root.resolve("sys/block").resolve(dm);
        Optional<String> uuid = MachineFiles.firstLine(dir.resolve("dm/uuid"));
        if (uuid.isPresent() && uuid.get().startsWith("CRYPT-")) {
            return true;
        }
        if (depth < 8) {
            for (Path slave : MachineFiles.list(dir.resolve("slaves"))) {
                String name = slave.getFileName().toString();
                if (name.startsWith("dm-") && Boolean.TRUE.equals(dmEncrypted(root, name, depth + 1))) {
                    return true;
                }
            }
        }
        return uuid.isPresent() ? false : null;
    }
}
