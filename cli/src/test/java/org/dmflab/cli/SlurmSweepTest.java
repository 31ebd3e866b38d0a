package org.dmflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped job-array script ({@code cli/slurm/dmflab-sweep.sh}) against a real Slurm: MUNGE, a controller and one
 * node on this machine, started by the test in a private folder on free ports (nothing of the system's Slurm
 * configuration is used or changed) and stopped afterwards. Two array tasks run the two shards, the dependent collect
 * job writes the table and charts: the folder must equal an unsharded sweep's. Skipped, with the reason, where Debian's
 * {@code slurm-wlm} and {@code munge} are not installed or the daemons do not come up.
 */
class SlurmSweepTest {
    private static final List<String> ARGS = List.of("--set", "generate.spectrum=gaussian-factors:2", "--set",
            "generate.n=16", "--set", "generate.observations=150", "--set", "train.init=gaussian", "--set",
            "train.sigma=0.001", "--set", "train.seed=2", "--set", "train.loss=completion", "--set",
            "train.solver=matrix", "--set", "train.iterations=1500", "--set", "train.step=0.02", "--set",
            "train.record=log:30", "--vary", "train.depth=2,3", "--seeds", "1..3");

    @TempDir
    Path dir;

    private final List<Path> pidFiles = new ArrayList<>();
    private Path slurm;

    @AfterEach
    void stopTheDaemonsThisTestStarted() throws Exception {
        for (Path pidFile : pidFiles) {
            if (Files.isRegularFile(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                ProcessHandle.of(pid).ifPresent(process -> {
                    process.destroy();
                    process.onExit().orTimeout(20, TimeUnit.SECONDS).exceptionally(late -> null).join();
                });
            }
        }
        if (slurm != null) {
            deleteTree(slurm);
        }
    }

    @Test
    void twoArrayTasksAndTheCollectJobEqualOneSweep() throws Exception {
        for (String tool : List.of("/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/bin/sbatch",
                "/usr/bin/sinfo", "/usr/bin/squeue")) {
            Assumptions.assumeTrue(Files.isExecutable(Path.of(tool)), "Slurm test skipped: " + tool + " is not "
                    + "installed (Debian: apt-get install slurmctld slurmd slurm-client munge)");
        }
        // a short private path: MUNGE's socket path must stay below the 108 bytes of a Unix socket address
        slurm = Files.createTempDirectory(Path.of("/tmp"), "dmflab-slurm");
        Map<String, String> environment = startSlurm(slurm);

        Path out = dir.resolve("sweep");
        List<String> command = new ArrayList<>(List.of("bash", Path.of("slurm", "dmflab-sweep.sh").toString(), "2",
                out.toString()));
        command.addAll(ARGS);
        ProcessBuilder submit = new ProcessBuilder(command).redirectErrorStream(true);
        submit.environment().putAll(environment);
        submit.environment().put("DMFLAB", Path.of(System.getProperty("java.home"), "bin", "java") + " -Xmx256m -cp "
                + System.getProperty("java.class.path") + " " + DmfLab.class.getName());
        Process submitted = submit.start();
        String said = new String(submitted.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(submitted.waitFor()).as(said).isZero();
        assertThat(said).contains("submitted shards: job").contains("array 1-2");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!queueEmpty(environment) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        Path logs = Path.of(out + ".slurm");
        assertThat(queueEmpty(environment)).as("Slurm finished the jobs within 240 s; queue: "
                + run(environment, "/usr/bin/squeue", "-h", "-o", "%i %T %r") + "; " + logs(logs)).isTrue();
        assertThat(out.resolve("sweep.csv")).as(logs(logs)).isRegularFile();
        assertThat(Files.readString(logs.resolve("shard-1.log"))).contains("in shard 1/2");
        assertThat(Files.readString(logs.resolve("shard-2.log"))).contains("in shard 2/2");

        Path whole = dir.resolve("whole");
        List<String> args = new ArrayList<>(List.of("sweep"));
        args.addAll(ARGS);
        args.addAll(List.of("--out", whole.toString()));
        assertThat(CliRun.of(args.toArray(String[]::new)).exitCode()).isZero();
        SweepCommandTest.assertSameFiles(out, whole);
    }

    /** Starts munged, slurmctld and slurmd in {@code root}; returns the environment that points Slurm's tools at them. */
    private Map<String, String> startSlurm(Path root) throws Exception {
        Path munge = Files.createDirectories(root.resolve("munge"));
        Files.setPosixFilePermissions(munge, PosixFilePermissions.fromString("rwx------"));
        byte[] key = new byte[1024];
        new SecureRandom().nextBytes(key);
        Path keyFile = munge.resolve("munge.key");
        Files.write(keyFile, key);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        Path socket = munge.resolve("socket");
        pidFiles.add(munge.resolve("munged.pid"));
        String started = run(Map.of(), "/usr/sbin/munged", "--key-file=" + keyFile, "--socket=" + socket,
                "--pid-file=" + munge.resolve("munged.pid"), "--log-file=" + munge.resolve("munged.log"),
                "--seed-file=" + munge.resolve("munged.seed"), "--force");
        Assumptions.assumeTrue(Files.exists(socket), "Slurm test skipped: munged did not start: " + started);

        String host = run(Map.of(), "hostname", "-s").trim();
        Files.createDirectories(root.resolve("state"));
        Files.createDirectories(root.resolve("spool"));
        Path conf = root.resolve("slurm.conf");
        Files.writeString(conf, String.join("\n",
                "ClusterName=dmflab",
                "SlurmctldHost=" + host,
                "SlurmUser=root",
                "AuthType=auth/munge",
                "AuthInfo=socket=" + socket,
                "CredType=cred/munge",
                "StateSaveLocation=" + root.resolve("state"),
                "SlurmdSpoolDir=" + root.resolve("spool"),
                "SlurmctldPidFile=" + root.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + root.resolve("slurmd.pid"),
                "SlurmctldPort=" + freePort(),
                "SlurmdPort=" + freePort(),
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "MpiDefault=none",
                "ReturnToService=2",
                "SchedulerType=sched/builtin",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_Core",
                "JobCompType=jobcomp/none",
                "AccountingStorageType=accounting_storage/none",
                "JobAcctGatherType=jobacct_gather/none",
                "SlurmctldLogFile=" + root.resolve("slurmctld.log"),
                "SlurmdLogFile=" + root.resolve("slurmd.log"),
                "NodeName=" + host + " CPUs=" + Runtime.getRuntime().availableProcessors() + " State=UNKNOWN",
                "PartitionName=test Nodes=" + host + " Default=YES MaxTime=INFINITE State=UP", ""));
        Map<String, String> environment = Map.of("SLURM_CONF", conf.toString());
        pidFiles.add(root.resolve("slurmd.pid"));
        pidFiles.add(root.resolve("slurmctld.pid"));
        run(environment, "/usr/sbin/slurmctld", "-c");
        run(environment, "/usr/sbin/slurmd");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String state = "";
        while (System.nanoTime() < deadline) {
            state = run(environment, "/usr/bin/sinfo", "-h", "-o", "%t").trim();
            if (state.equals("idle")) {
                return environment;
            }
            Thread.sleep(300);
        }
        Assumptions.abort("Slurm test skipped: the node did not become idle within 30 s (sinfo: " + state + "); "
                + "slurmctld.log: " + tail(root.resolve("slurmctld.log")) + "; slurmd.log: "
                + tail(root.resolve("slurmd.log")));
        return environment;
    }

    private static boolean queueEmpty(Map<String, String> environment) throws Exception {
        return run(environment, "/usr/bin/squeue", "-h").isBlank();
    }

    private static String run(Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return "(none)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    private static String logs(Path folder) throws IOException {
        StringBuilder text = new StringBuilder("job logs:");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> list = Files.list(folder)) {
                for (Path log : list.sorted().toList()) {
                    text.append('\n').append(log.getFileName()).append(": ").append(Files.readString(log));
                }
            }
        }
        return text.toString();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
