package org.district.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.district.agent.TestDoubles.resource;
import static org.district.agent.TestDoubles.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.district.agent.TestDoubles.FakeRunner;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Linux collector on fixture roots and recorded program output. */
class LinuxFactCollectorTest {

    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final String LSBLK = "lsblk -J -o NAME,TYPE,MOUNTPOINTS,FSTYPE";
    private static final String LSBLK_OLD = "lsblk -J -o NAME,TYPE,MOUNTPOINT,FSTYPE";
    private static final String IP_ROUTE = "ip -j route get 1.1.1.1";

    @TempDir
    Path root;

    private final FakeRunner runner = new FakeRunner();

    private LinuxFactCollector collector(SiteResolver sites) {
        return new LinuxFactCollector(root, runner, sites, ZONE, "district-agent", iface -> Optional.empty());
    }

    private LinuxFactCollector collector() {
        return collector(new SiteResolver(null, null));
    }

    @Nested
    class OperatingSystem {

        @ParameterizedTest
        @CsvSource({
            "os-release-debian12, Debian GNU/Linux, 12",
            "os-release-ubuntu2404, Ubuntu, 24.04",
            "os-release-fedora-version-only, Fedora Linux, 40 (Workstation Edition)",
            "os-release-debian-sid, Debian GNU/Linux, Debian GNU/Linux trixie/sid"
        })
        void nameAndVersionFromOsRelease(String fixture, String name, String version) {
            write(root, "etc/os-release", resource("linux/" + fixture));
            write(root, "proc/sys/kernel/osrelease", "6.1.0-18-amd64\n");

            Facts.Os os = collector().os();

            assertThat(os).isEqualTo(new Facts.Os(name, version, "6.1.0-18-amd64"));
        }

        @Test
        void usrLibOsReleaseAndUnameWhenTheUsualFilesAreMissing() {
            write(root, "usr/lib/os-release", resource("linux/os-release-ubuntu2404"));
            runner.answer("uname -r", "6.8.0-49-generic\n");

            assertThat(collector().os()).isEqualTo(new Facts.Os("Ubuntu", "24.04", "6.8.0-49-generic"));
        }

        @Test
        void nothingReadableIsLinuxVersionUnknown() {
            assertThat(collector().os()).isEqualTo(new Facts.Os("Linux", "unknown", null));
        }
    }

    @Nested
    class LastPatchDate {

        @Test
        void aptHistoryEntriesThatInstalledOrUpgraded() {
            write(root, "var/log/apt/history.log", resource("linux/apt-history.log"));

            // 2026-12-02 only removed a package: not a patch.
            assertThat(LinuxPatchHistory.newest(root, runner)).contains(LocalDate.of(2026, 12, 1));
        }

        @Test
        void rotatedAndCompressedHistoryIsRead() throws IOException {
            write(root, "var/log/apt/history.log", "");
            write(root, "var/log/apt/history.log.1", resource("linux/apt-history-rotated.log"));
            gzip(
                    root.resolve("var/log/apt/history.log.2.gz"),
                    """
                    Start-Date: 2026-11-02  07:45:00
                    Commandline: apt-get -y dist-upgrade
                    Upgrade: linux-image-amd64:amd64 (6.1.112-1, 6.1.115-1)
                    End-Date: 2026-11-02  07:47:31
                    """);

            assertThat(LinuxPatchHistory.newest(root, runner)).contains(LocalDate.of(2026, 11, 2));
        }

        @Test
        void unattendedUpgradesLogCounts() {
            write(root, "var/log/apt/history.log", resource("linux/apt-history.log"));
            write(
                    root,
                    "var/log/unattended-upgrades/unattended-upgrades.log",
                    resource("linux/unattended-upgrades.log"));

            // 2026-12-05 found nothing to upgrade: not a patch.
            assertThat(LinuxPatchHistory.newest(root, runner)).contains(LocalDate.of(2026, 12, 4));
        }

        @Test
        void dnfHistoryWhereDnfIsInstalled() {
            write(root, "usr/bin/dnf", "");
            runner.answer("dnf history list", resource("linux/dnf-history-list.txt"));

            // 2024-08-20 only removed a package.
            assertThat(LinuxPatchHistory.newest(root, runner)).contains(LocalDate.of(2024, 8, 13));
        }

        @Test
        void dnfIsNotAskedWhereItIsNotInstalled() {
            assertThat(LinuxPatchHistory.newest(root, runner)).isEmpty();
            assertThat(runner.calls).isEmpty();
        }
    }

    @Nested
    class DiskEncryption {

        @Test
        void luksRootIsEncrypted() {
            runner.answer(LSBLK, resource("linux/lsblk-luks-root.json"));

            assertThat(LinuxDiskEncryption.read(root, runner)).isTrue();
        }

        @Test
        void plainRootIsNotEncrypted() {
            runner.answer(LSBLK, resource("linux/lsblk-plain-root.json"));

            assertThat(LinuxDiskEncryption.read(root, runner)).isFalse();
        }

        @Test
        void aSeparateUnencryptedHomeMakesItFalse() {
            runner.answer(LSBLK, resource("linux/lsblk-luks-root-plain-home.json"));

            assertThat(LinuxDiskEncryption.read(root, runner)).isFalse();
        }

        @Test
        void btrfsSubvolumesOnOneLuksDeviceAreEncrypted() {
            runner.answer(LSBLK, resource("linux/lsblk-btrfs-subvolumes.json"));

            assertThat(LinuxDiskEncryption.read(root, runner)).isTrue();
        }

        @Test
        void olderLsblkWithMountpointColumn() {
            runner.fail(LSBLK, 1).answer(LSBLK_OLD, resource("linux/lsblk-btrfs-luks-old-mountpoint.json"));

            assertThat(LinuxDiskEncryption.read(root, runner)).isTrue();
        }

        @Test
        void noRootInTheTreeIsUnknown() {
            runner.answer(LSBLK, "{\"blockdevices\": []}");

            assertThat(LinuxDiskEncryption.read(root, runner)).isNull();
        }

        @Test
        void withoutLsblkTheDeviceMapperSaysLvmOnLuks() {
            write(
                    root,
                    "proc/mounts",
                    """
                    sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
                    /dev/mapper/lhs--lt--0412--vg-root / ext4 rw,relatime,errors=remount-ro 0 0
                    /dev/nvme0n1p2 /boot ext4 rw,relatime 0 0
                    """);
            write(root, "sys/block/dm-1/dm/name", "lhs--lt--0412--vg-root\n");
            write(
                    root,
                    "sys/block/dm-1/dm/uuid",
                    "LVM-Xy12AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijklmnopqrstu\n");
            write(root, "sys/block/dm-1/slaves/dm-0/.keep", "");
            write(root, "sys/block/dm-0/dm/name", "nvme0n1p3_crypt\n");
            write(root, "sys/block/dm-0/dm/uuid", "CRYPT-LUKS2-3f1c2b9e7d5a4c1e9a0b2f6e8d4c1a77-nvme0n1p3_crypt\n");

            assertThat(LinuxDiskEncryption.read(root, runner)).isTrue();
        }

        @Test
        void withoutLsblkAPlainPartitionIsNotEncryptedAndOverlayIsUnknown() {
            write(root, "proc/mounts", "/dev/sda1 / ext4 rw,relatime 0 0\n");
            assertThat(LinuxDiskEncryption.fromProcMounts(root)).isFalse();

            write(root, "proc/mounts", "overlay / overlay rw,relatime,lowerdir=/x 0 0\n");
            assertThat(LinuxDiskEncryption.fromProcMounts(root)).isNull();
        }
    }

    @Nested
    class Antivirus {

        @Test
        void clamAvVersionAndDefinitionsDateFromClamscan() {
            write(root, "usr/bin/clamscan", "");
            runner.answer("clamscan --version", resource("linux/clamscan-version.txt"));

            assertThat(ClamAv.read(root, runner, ZONE))
                    .contains(new Facts.Antivirus("ClamAV 1.0.7", LocalDate.of(2026, 12, 3)));
        }

        @Test
        void definitionsDateFromTheDatabaseFilesWhenClamscanDoesNotSay() throws IOException {
            write(root, "usr/bin/freshclam", "");
            runner.answer("clamscan --version", "ClamAV 1.0.7\n");
            Path daily = write(root, "var/lib/clamav/daily.cld", "");
            Path main = write(root, "var/lib/clamav/main.cvd", "");
            Files.setLastModifiedTime(daily, FileTime.from(Instant.parse("2026-12-05T03:30:00Z")));
            Files.setLastModifiedTime(main, FileTime.from(Instant.parse("2026-09-01T12:00:00Z")));

            // 03:30 UTC on the 5th is still the 4th in Chicago: the machine's local date.
            assertThat(ClamAv.read(root, runner, ZONE))
                    .contains(new Facts.Antivirus("ClamAV 1.0.7", LocalDate.of(2026, 12, 4)));
        }

        @Test
        void noClamAvIsNoAntivirus() {
            assertThat(ClamAv.read(root, runner, ZONE)).isEmpty();
        }
    }

    @Nested
    class Network {

        @Test
        void addressAndGatewayFromIpRouteGet() {
            runner.answer(IP_ROUTE, resource("linux/ip-route-get.json"));

            assertThat(collector().route()).isEqualTo(new LinuxFactCollector.Route("10.12.3.4", "10.12.0.1"));
        }

        @Test
        void procNetRouteWhenIpIsMissing() {
            write(root, "proc/net/route", resource("linux/proc-net-route.txt"));
            LinuxFactCollector c = new LinuxFactCollector(
                    root,
                    runner,
                    new SiteResolver(null, null),
                    ZONE,
                    "district-agent",
                    iface -> iface.equals("enp0s31f6") ? Optional.of("192.168.0.23") : Optional.empty());

            // Two default routes: the wired one has the lower metric.
            assertThat(c.route()).isEqualTo(new LinuxFactCollector.Route("192.168.0.23", "192.168.0.1"));
        }

        @Test
        void noRouteAtAllIsAddressZero() {
            Facts facts = collector().collect();

            assertThat(facts.network()).isEqualTo(new Facts.Network("UNKNOWN", "0.0.0.0"));
        }
    }

    @Nested
    class PasswordProtection {

        @Test
        void aLockedDconfPolicyIsEvidence() {
            write(root, "etc/dconf/profile/user", "user-db:user\nsystem-db:local\n");
            write(
                    root,
                    "etc/dconf/db/local.d/00-screensaver",
                    """
                    # District policy
                    [org/gnome/desktop/screensaver]
                    lock-enabled=true
                    lock-delay=uint32 0
                    """);
            write(root, "etc/dconf/db/local.d/locks/screensaver", "/org/gnome/desktop/screensaver/lock-enabled\n");

            assertThat(LinuxScreenLock.read(root, runner, "district-agent")).isTrue();
        }

        @Test
        void anUnlockedDconfDefaultIsNoEvidence() {
            write(root, "etc/dconf/profile/user", "user-db:user\nsystem-db:local\n");
            write(root, "etc/dconf/db/local.d/00-screensaver", "[org/gnome/desktop/screensaver]\nlock-enabled=true\n");

            assertThat(LinuxScreenLock.read(root, runner, "district-agent")).isNull();
        }

        @Test
        void theSessionUsersOwnSettingWhenTheAgentRunsAsThatUser() {
            session("alice");
            runner.answer("gsettings get org.gnome.desktop.screensaver lock-enabled", "true\n");
            runner.answer("passwd -S alice", "alice P 2026-09-01 0 99999 7 -1\n");

            assertThat(LinuxScreenLock.read(root, runner, "alice")).isTrue();
        }

        @Test
        void lockDisabledIsFalse() {
            session("alice");
            runner.answer("runuser -u alice -- gsettings get org.gnome.desktop.screensaver lock-enabled", "false\n");

            assertThat(LinuxScreenLock.read(root, runner, "root")).isFalse();
        }

        @Test
        void anAccountWithoutPasswordIsFalse() {
            session("alice");
            runner.answer("runuser -u alice -- gsettings get org.gnome.desktop.screensaver lock-enabled", "true\n");
            runner.answer("runuser -u alice -- passwd -S alice", "alice NP 2026-09-01 0 99999 7 -1\n");

            assertThat(LinuxScreenLock.read(root, runner, "root")).isFalse();
        }

        @Test
        void anUnprivilegedAgentCannotAskAnotherUsersSessionSoItIsUnknown() {
            session("alice");

            assertThat(LinuxScreenLock.read(root, runner, "district-agent")).isNull();
            assertThat(runner.calls).noneMatch(c -> c.contains("gsettings") || c.contains("passwd"));
        }

        private void session(String user) {
            runner.answer("loginctl show-seat seat0 -p ActiveSession --value", "3\n");
            runner.answer("loginctl show-session 3 -p Name --value", user + "\n");
        }
    }

    @Test
    void aWholeMachine() throws IOException {
        write(root, "etc/os-release", resource("linux/os-release-debian12"));
        write(root, "proc/sys/kernel/osrelease", "6.1.0-18-amd64\n");
        write(root, "var/log/apt/history.log", resource("linux/apt-history.log"));
        write(root, "usr/bin/clamscan", "");
        runner.answer("clamscan --version", resource("linux/clamscan-version.txt"));
        runner.answer(LSBLK, resource("linux/lsblk-luks-root.json"));
        runner.answer(IP_ROUTE, resource("linux/ip-route-get.json"));
        Path map = write(root, "etc/district-agent/sites", resource("linux/site-map.txt"));

        Facts facts = collector(new SiteResolver(null, map)).collect();

        assertThat(facts)
                .isEqualTo(new Facts(
                        new Facts.Os("Debian GNU/Linux", "12", "6.1.0-18-amd64"),
                        LocalDate.of(2026, 12, 1),
                        new Facts.Antivirus("ClamAV 1.0.7", LocalDate.of(2026, 12, 3)),
                        true,
                        null,
                        new Facts.Network("LINCOLN-HS", "10.12.3.4")));
    }

    @Test
    void anEmptyMachineReportsEverythingUnknown() {
        Facts facts = collector().collect();

        assertThat(facts)
                .isEqualTo(new Facts(
                        new Facts.Os("Linux", "unknown", null),
                        null,
                        null,
                        null,
                        null,
                        new Facts.Network("UNKNOWN", "0.0.0.0")));
    }

    @Test
    void longValuesAreCutToWhatTheServerTakes() {
        write(root, "etc/os-release", "NAME=\"" + "N".repeat(70) + "\"\nVERSION_ID=\"" + "9".repeat(50) + "\"\n");

        Facts.Os os = collector().os();

        assertThat(os.name()).hasSize(60);
        assertThat(os.version()).hasSize(40);
    }

    private static void gzip(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
