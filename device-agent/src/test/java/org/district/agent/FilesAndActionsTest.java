package org.district.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.district.agent.TestDoubles.FakeRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credential, state and lock message files, and the real lock and wipe actions on recorded programs. */
class FilesAndActionsTest {

    static final String CREDENTIAL = "dc1.0b8f7e52-2f1c-4c55-9b7e-3a1d2c4b5e6f.Vq3mX8zR1tK6wP9nL2bD";

    @TempDir
    Path dir;

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theCredentialFileIs0600InA0700DirectoryAndNothingElseIsLeft() throws IOException {
        CredentialStore store = new CredentialStore(dir.resolve("var/lib/district-agent/credential"));
        assertThat(store.read()).isEmpty();

        try (LogCapture log = new LogCapture()) {
            store.write(CREDENTIAL);
            store.write(CREDENTIAL + "-rotated");

            assertThat(log.text()).doesNotContain(CREDENTIAL);
        }

        assertThat(store.read()).contains(CREDENTIAL + "-rotated");
        assertThat(mode(store.file())).isEqualTo("rw-------");
        assertThat(mode(store.file().getParent())).isEqualTo("rwx------");
        assertThat(mode(store.file().getParent().getParent())).isEqualTo("rwx------");
        try (var files = Files.list(store.file().getParent())) {
            assertThat(files).containsExactly(store.file());
        }
    }

    @Test
    void theStateFileIs0600AndSurvivesARoundTrip() throws IOException {
        StateStore store = new StateStore(dir.resolve("state/state.json"));
        AgentState state = new AgentState();
        state.nextDueAt = Instant.parse("2026-12-07T09:00:00Z");
        state.failures = 2;
        state.locked = true;
        state.pendingResults.add(new CompletedCommand("a", "n", CompletedCommand.Result.FAILED));
        state.recentCommands.add(new AgentState.RecentCommand("a", "LOCK", "n", CompletedCommand.Result.FAILED));

        store.save(state);
        AgentState loaded = store.load();

        assertThat(mode(store.file())).isEqualTo("rw-------");
        assertThat(loaded.nextDueAt).isEqualTo(state.nextDueAt);
        assertThat(loaded.failures).isEqualTo(2);
        assertThat(loaded.locked).isTrue();
        assertThat(loaded.pendingResults).isEqualTo(state.pendingResults);
        assertThat(loaded.recentCommands).isEqualTo(state.recentCommands);
        assertThat(Files.readString(store.file())).contains("\"nextDueAt\":\"2026-12-07T09:00:00Z\"");
    }

    @Test
    void anUnreadableStateFileStartsAfresh() throws IOException {
        StateStore store = new StateStore(TestDoubles.write(dir, "state.json", "{not json"));

        assertThat(store.load().nextDueAt).isNull();
    }

    @Test
    void lockWritesTheMessageAsIsLocksAndBroadcastsItWithoutControlCharacters() throws IOException {
        FakeRunner runner =
                new FakeRunner().answer("loginctl lock-sessions", "").answer("wall", "");
        Path messageFile = dir.resolve("run/district-agent/lock-message");
        String message = "Return to Lincoln HS office\u001b[2J\nRoom 114";

        boolean locked = new SystemLockAction(runner, messageFile).lock(message);

        assertThat(locked).isTrue();
        assertThat(Files.readString(messageFile)).isEqualTo(message);
        assertThat(mode(messageFile)).isEqualTo("rw-r--r--");
        assertThat(runner.calls).containsExactly("loginctl lock-sessions", "wall");
        assertThat(runner.inputs.get(1)).isEqualTo("Return to Lincoln HS office[2J\nRoom 114\n");
    }

    @Test
    void aFailedLoginctlIsAFailedLock() {
        FakeRunner runner = new FakeRunner().fail("loginctl lock-sessions", 1);

        assertThat(new SystemLockAction(runner, dir.resolve("lock-message")).lock("Return me"))
                .isFalse();
    }

    @Test
    void wipeRunsOnlyTheConfiguredExecutable() throws IOException {
        Path script = TestDoubles.write(dir, "wipe.sh", "#!/bin/sh\nexit 0\n");
        FakeRunner runner = new FakeRunner().answer(script.toString(), "");

        assertThat(new ExecutableWipeAction(runner, script).available()).isFalse();
        assertThat(new ExecutableWipeAction(runner, script).wipe()).isFalse();
        assertThat(runner.calls).isEmpty();

        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        assertThat(new ExecutableWipeAction(runner, script).wipe()).isTrue();
        assertThat(runner.calls).containsExactly(script.toString());
        assertThat(new ExecutableWipeAction(runner, null).available()).isFalse();
        assertThat(new ExecutableWipeAction(runner, Path.of("relative/wipe")).available())
                .isFalse();
    }

    @Test
    void theRealRunnerRunsAProgramAndReportsAMissingOne() throws IOException {
        Path script = TestDoubles.write(dir, "echo.sh", "#!/bin/sh\necho \"out:$1\"; cat; exit 3\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        ProcessCommandRunner runner = new ProcessCommandRunner();

        assertThat(runner.run(java.time.Duration.ofSeconds(10), java.util.List.of(script.toString(), "a"), "in\n"))
                .contains(new CommandRunner.Output(3, "out:a\nin\n"));
        assertThat(runner.run(
                        java.time.Duration.ofSeconds(10), dir.resolve("missing").toString()))
                .isEmpty();
    }
}
